package dev.sqlmodel.it.data;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;

/** A repository of the "reports" database: its generated class injects {@code @Database("reports") Engine}. */
@Repository(dataStore = "reports")
public interface Memos extends BasicRepository<Memo, Long> {
}
