package dev.sqlmodel.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.schema.internal.StatementSplitter;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void semicolonsInsideQuotesAndCommentsDoNotSplit() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE t (a TEXT DEFAULT 'x;y', "b;c" INTEGER);
                /* block; comment */
                INSERT INTO t (a) VALUES ('it''s; fine');
                """;
        assertEquals(List.of("CREATE TABLE t (a TEXT DEFAULT 'x;y', \"b;c\" INTEGER)",
                "INSERT INTO t (a) VALUES ('it''s; fine')"), new StatementSplitter(Dialect.SQLITE).split(script));
    }

    @Test
    void dollarQuotedPostgresBodiesStayWhole() {
        String script = """
                CREATE FUNCTION f() RETURNS trigger AS $body$
                BEGIN NEW.a := 1; RETURN NEW; END;
                $body$ LANGUAGE plpgsql;
                SELECT $$a;b$$;
                """;
        List<String> parts = new StatementSplitter(Dialect.POSTGRESQL).split(script);
        assertEquals(2, parts.size(), parts.toString());
        assertEquals("SELECT $$a;b$$", parts.get(1));
    }

    @Test
    void sqliteTriggerBodiesStayWhole() {
        String script = "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u; END;\nSELECT 1;";
        List<String> parts = new StatementSplitter(Dialect.SQLITE).split(script);
        assertEquals(List.of("CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1; DELETE FROM u; END",
                "SELECT 1"), parts);
    }

    @Test
    void mysqlBackslashEscapesAndHashComments() {
        String script = "INSERT INTO t VALUES ('a\\';b');\n# hash; comment\nSELECT `x;y` FROM t";
        assertEquals(List.of("INSERT INTO t VALUES ('a\\';b')", "SELECT `x;y` FROM t"),
                new StatementSplitter(Dialect.MYSQL).split(script));
    }
}
