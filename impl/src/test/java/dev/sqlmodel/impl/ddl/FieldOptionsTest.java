package dev.sqlmodel.impl.ddl;

import static dev.sqlmodel.Sql.select;
import static dev.sqlmodel.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqlmodel.Column;
import dev.sqlmodel.Field;
import dev.sqlmodel.ReferentialAction;
import dev.sqlmodel.Row;
import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModel;
import dev.sqlmodel.Table;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import java.util.Map;

/** Column name overrides, ON UPDATE actions and Java field initializers as default factories. */
class FieldOptionsTest extends DatabaseTest {

    /** A parent whose natural key can change. */
    @Table(name = "opt_country")
    public static class Country {
        @Field(primaryKey = true, maxLength = 2) public String code;
        public String name;

        public Country() {
        }

        public Country(String code, String name) {
            this.code = code;
            this.name = name;
        }
    }

    /** A child that follows its parent's key changes and has a renamed column and a default. */
    @Table(name = "opt_city")
    public static class City {
        @Field(primaryKey = true) public Long id;
        @Field(column = "city_name") public String name;
        @Field(maxLength = 2, foreignKey = "opt_country.code", onUpdate = ReferentialAction.CASCADE) public String countryCode;
        public String status = "active"; // the default factory: a field initializer

        public City() {
        }

        public City(String name, String countryCode) {
            this.name = name;
            this.countryCode = countryCode;
        }
    }

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Country.class, City.class};
    }

    private static final Column<City, String> NAME = Column.of(City.class, "name", String.class);
    private static final Column<City, String> STATUS = Column.of(City.class, "status", String.class);
    private static final Column<Country, String> CODE = Column.of(Country.class, "code", String.class);

    @DbTest
    void columnOverrideInitializerDefaultAndOnUpdateCascade(Db db) {
        fresh(db);
        Session s = session(db);
        s.add(new Country("UK", "United Kingdom"));
        City london = s.add(new City("London", "UK"));
        s.commit();
        assertEquals("city_name", SqlModel.info(City.class).columnNames().get(1));
        Row raw = s.exec(dev.sqlmodel.Sql.text("SELECT city_name, status FROM opt_city").as(Row.class)).one();
        assertEquals("London", raw.get(0, String.class));
        assertEquals("active", raw.get(1, String.class));
        assertEquals("active", s.exec(select(STATUS).where(NAME.eq("London"))).one());
        assertEquals(1L, s.execute(update(Country.class).set(CODE, "GB").where(CODE.eq("UK"))));
        s.commit();
        s.refresh(london);
        assertEquals("GB", london.countryCode);
        assertEquals(Map.of("name", "London"), SqlModel.toMap(london, dev.sqlmodel.Dump.include("name")));
    }
}
