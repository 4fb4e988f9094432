/** Runtime of generated Jakarta Data repositories; not API, used by generated code only. */
package dev.sqlmodel.data.runtime;
