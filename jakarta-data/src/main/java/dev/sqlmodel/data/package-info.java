/** Jakarta Data 1.0 repositories implemented on SQLModel's stateless session. */
package dev.sqlmodel.data;
