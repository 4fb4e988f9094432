package dev.sqlmodel.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.wildfly.app.Hero;
import dev.sqlmodel.wildfly.app.HeroService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions in the server's JTA transactions, on the server's pool: {@code @Transactional}
 * commit and rollback, a savepoint, and a flush that fails validation. What was written is
 * checked with plain JDBC, outside any session.
 */
@ExtendWith(ArquillianExtension.class)
class JtaIT {
    @Inject
    HeroService heroes;

    @Resource(lookup = "java:jboss/datasources/Heroes")
    DataSource dataSource;

    @Deployment
    static WebArchive deployment() {
        return Deployments.heroApi("heroes-jta");
    }

    @Test
    void transactionalMethodCommitsOnReturn() throws SQLException {
        heroes.add(new Hero("Committed", "Kate Commit", 30));
        assertEquals(1, count("Committed"));
    }

    @Test
    void runtimeExceptionRollsBackAndWritesNothing() throws SQLException {
        assertThrows(IllegalStateException.class, () -> heroes.addThenFail(new Hero("Rolled Back", "Rob Back", 30)));
        assertEquals(0, count("Rolled Back"));
    }

    @Test
    void savepointRolledBackInsideTheJtaTransaction() throws SQLException {
        heroes.addWithUndoneStep(new Hero("Kept", "Keith Kept", 40), new Hero("Undone", "Una Done", 41));
        assertEquals(1, count("Kept"));
        assertEquals(0, count("Undone"));
    }

    @Test
    void validationFailureAtFlushRollsTheTransactionBack() throws SQLException {
        Hero valid = new Hero("Valid Victim", "Val Id", 20);
        Hero invalid = new Hero("Too Young", "Minus One", -1);
        // The flush at beforeCompletion fails: the transaction is rolled back, valid hero too.
        Exception e = assertThrows(Exception.class, () -> heroes.add(valid, invalid));
        assertTrue(causes(e).anyMatch(ConstraintViolationException.class::isInstance), () -> e.toString());
        assertEquals(0, count("Valid Victim"));
        assertEquals(0, count("Too Young"));
    }

    @Test
    void constraintValidatorGetsItsBeanInjectedByTheServersFactory() throws SQLException {
        Exception e = assertThrows(Exception.class, () -> heroes.add(new Hero("Voldemort", "Tom Riddle", 70)));
        ConstraintViolationException violation = causes(e).filter(ConstraintViolationException.class::isInstance)
                .map(ConstraintViolationException.class::cast).findFirst().orElseThrow(() -> new AssertionError(e));
        assertTrue(violation.getMessage().contains("Hero.name: is not an allowed name"), violation::getMessage);
        assertEquals(0, count("Voldemort"));
        heroes.add(new Hero("Harry", "Harry Potter", 17));
        assertEquals(1, count("Harry"));
    }

    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    private long count(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM hero WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
