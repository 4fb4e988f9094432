package dev.sqlmodel.impl.jpa;

import static dev.sqlmodel.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqlmodel.Column;
import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.impl.jpa.Ranked.Kind;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.List;

/**
 * A relationship whose key is an enum kept by ordinal: the batch loads bind the keys and foreign
 * keys as their columns hold them (the ordinal), in both directions, in a session and through a
 * stateless session's {@code fetch}.
 */
class EnumKeyedRelationshipTest extends DatabaseTest {
    private static final Column<Grade, Kind> KIND = Column.of(Grade.class, "kind", Kind.class);
    private static final Column<Graded, Long> ID = Column.of(Graded.class, "id", Long.class);

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Ranked.class, Grade.class, Graded.class};
    }

    private Engine filled(Db db) {
        Engine engine = fresh(db);
        try (StatelessSession s = engine.stateless()) {
            s.insertAll(List.of(Grade.of(Kind.ONE, "unit"), Grade.of(Kind.PRIME, "prime"),
                    Grade.of(Kind.COMPOSITE, "composite")));
            s.insertAll(List.of(Graded.of(1, Kind.ONE), Graded.of(2, Kind.PRIME), Graded.of(3, Kind.PRIME),
                    Graded.of(4, Kind.COMPOSITE), Graded.of(5, Kind.PRIME), Graded.of(6, Kind.COMPOSITE)));
        }
        return engine;
    }

    @DbTest
    void aSessionLoadsBothDirectionsByOrdinal(Db db) {
        filled(db);
        Session session = session(db);
        List<Graded> numbers = session.exec(select(Graded.class).orderBy(ID.asc())).all();
        assertEquals(List.of("unit", "prime", "prime", "composite", "prime", "composite"),
                numbers.stream().map(n -> n.grade.get().label).toList(), "each number's grade");
        List<Grade> grades = session.exec(select(Grade.class).orderBy(KIND.asc())).all();
        assertEquals(List.of(List.of(1L), List.of(2L, 3L, 5L), List.of(4L, 6L)),
                grades.stream().map(g -> g.members.get().stream().map(n -> n.id).sorted().toList()).toList());
    }

    @DbTest
    void aStatelessFetchLoadsBothDirectionsByOrdinal(Db db) {
        Engine engine = filled(db);
        try (StatelessSession s = engine.stateless()) {
            List<Grade> grades = s.exec(select(Grade.class).orderBy(KIND.asc())
                    .fetch(Grade_.members)).all();
            assertEquals(List.of(1, 3, 2), grades.stream().map(g -> g.members.get().size()).toList());
            List<Graded> numbers = s.exec(select(Graded.class).orderBy(ID.asc())
                    .fetch(Graded_.grade)).all();
            assertEquals(List.of(Kind.ONE, Kind.PRIME, Kind.PRIME, Kind.COMPOSITE, Kind.PRIME, Kind.COMPOSITE),
                    numbers.stream().map(n -> n.grade.get().kind).toList());
        }
    }
}
