package dev.sqlmodel.data;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;

/** Only the built-in methods. */
@Repository
public interface Boxes extends CrudRepository<Box, String> {
}
