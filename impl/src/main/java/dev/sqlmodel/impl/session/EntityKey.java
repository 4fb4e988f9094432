package dev.sqlmodel.impl.session;

/** The identity of a stored row: model class and primary key (a value or a {@code Key}). */
record EntityKey(Class<?> model, Object key) {
}
