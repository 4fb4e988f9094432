package dev.sqlmodel.impl.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Field;
import dev.sqlmodel.Session;
import dev.sqlmodel.Table;
import dev.sqlmodel.impl.json.Gadget;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Bean Validation annotations shape the DDL, and @Field(maxLength) is validated at flush. */
class ConstraintColumnsTest extends DatabaseTest {

    /** Constraint annotations that change the columns. */
    @Table(name = "ddl_account")
    public static class Account {
        @Field(primaryKey = true) public Long id;
        @NotNull public String owner;
        @NotBlank @Size(max = 40) public String handle;
        @Size(min = 2, max = 12) public String nick;
        public String note;
    }

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Account.class, Gadget.class};
    }

    @DbTest
    void notNullAndSizeShapeTheColumns(Db db) throws Exception {
        fresh(db);
        Map<String, int[]> cols = new HashMap<>(); // name -> {nullable, size}
        Session s = session(db);
        Connection c = s.connection();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns(db == Db.MARIADB ? c.getCatalog() : null, db == Db.POSTGRESQL ? c.getSchema() : null,
                "ddl_account", null)) {
            while (rs.next()) {
                cols.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        new int[] {rs.getInt("NULLABLE"), rs.getInt("COLUMN_SIZE")});
            }
        }
        assertEquals(DatabaseMetaData.columnNoNulls, cols.get("owner")[0]);
        assertEquals(DatabaseMetaData.columnNoNulls, cols.get("handle")[0]);
        assertEquals(DatabaseMetaData.columnNullable, cols.get("nick")[0]);
        assertEquals(DatabaseMetaData.columnNullable, cols.get("note")[0]);
        assertEquals(40, cols.get("handle")[1]);
        assertEquals(12, cols.get("nick")[1]);
    }

    @DbTest
    void maxLengthAndCustomConstraintsAreCheckedBeforeAnySql(Db db) {
        fresh(db);
        Session s = session(db);
        s.add(new Gadget("ok", 2));
        s.add(new Gadget("much too long", 3));
        ConstraintViolationException e = assertThrows(ConstraintViolationException.class, s::flush);
        assertEquals(2, e.getConstraintViolations().size());
        assertTrue(e.getMessage().contains("Gadget.label"), e.getMessage());
        try (Session other = engine(db).session()) {
            assertEquals(0L, other.exec(dev.sqlmodel.Sql.select(dev.sqlmodel.Expr.count()).from(Gadget.class)).one());
        }
    }
}
