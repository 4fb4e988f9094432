package dev.sqlmodel.it.app;

import dev.sqlmodel.Database;
import dev.sqlmodel.Session;
import dev.sqlmodel.it.model.Report;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes to the second database through its own request-scoped session. */
@ApplicationScoped
public class ReportService {
    @Inject @Database("reports") Session reports;

    @Transactional
    public void add(String title) {
        reports.add(new Report(title));
    }
}
