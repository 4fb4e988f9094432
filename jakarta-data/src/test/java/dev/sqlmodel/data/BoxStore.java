package dev.sqlmodel.data;

import jakarta.data.repository.Repository;

/** Binds Keyed to Box, whose key attribute is called code. */
@Repository
public interface BoxStore extends Keyed<Box, String> {
}
