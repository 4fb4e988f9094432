package dev.sqlmodel.schema.internal;

import dev.sqlmodel.Dialect;
import dev.sqlmodel.MappingException;
import dev.sqlmodel.impl.engine.SchemaGenerator;
import dev.sqlmodel.impl.meta.FieldMeta;
import dev.sqlmodel.impl.meta.ForeignKey;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.schema.ColumnSchema;
import dev.sqlmodel.schema.DatabaseSchema;
import dev.sqlmodel.schema.ForeignKeySchema;
import dev.sqlmodel.schema.IndexSchema;
import dev.sqlmodel.schema.TableSchema;
import dev.sqlmodel.schema.UniqueSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema that {@code engine.createAll()} creates for a set of models, described with the
 * same names and types the engine's {@link SchemaGenerator} uses: {@code uq_<table>_<column>},
 * {@code fk_<table>_<column>_<reftable>}, the field's index name, and the dialect's DDL type
 * normalised as a catalog reader normalises it.
 */
public final class ModelSchemas {
    private ModelSchemas() {
    }

    /**
     * The schema of {@code models} on {@code dialect}, parents before children.
     *
     * @throws MappingException when a class is not a valid {@code @Table} model
     */
    public static DatabaseSchema of(Dialect dialect, List<Class<?>> models) {
        List<ModelMeta<?>> metas = new ArrayList<>();
        for (Class<?> type : models) {
            if (!ModelRegistry.isTable(type)) {
                throw new MappingException(type.getName() + " is not a @Table model");
            }
            metas.add(ModelRegistry.of(type));
        }
        List<TableSchema> tables = new ArrayList<>();
        for (ModelMeta<?> m : new SchemaGenerator(dialect).createOrder(metas)) {
            tables.add(table(dialect, m));
        }
        return new DatabaseSchema(dialect, tables);
    }

    private static TableSchema table(Dialect dialect, ModelMeta<?> m) {
        List<ColumnSchema> columns = new ArrayList<>();
        List<UniqueSchema> uniques = new ArrayList<>();
        List<IndexSchema> indexes = new ArrayList<>();
        List<String> pk = new ArrayList<>();
        for (FieldMeta f : m.keyFields()) {
            pk.add(f.column());
        }
        for (FieldMeta f : m.columns()) {
            String type = TypeNames.normalize(dialect, f.sqlType(dialect));
            boolean generated = f == m.generatedKey();
            // SQLite generates a single INTEGER key whether or not the model asks for it.
            boolean auto = generated || dialect == Dialect.SQLITE && m.keyFields().size() == 1 && f.primaryKey()
                    && type.equals("INTEGER");
            String def = f.computed() ? null : Defaults.normalize(dialect, f.sqlDefault());
            columns.add(new ColumnSchema(f.column(), type, !generated && !auto && f.nullable(), auto ? null : def,
                    auto));
            if (f.unique() && !(m.keyFields().size() == 1 && f.primaryKey())) {
                uniques.add(new UniqueSchema("uq_" + m.tableName() + "_" + f.column(), List.of(f.column())));
            }
            if (f.index()) {
                indexes.add(new IndexSchema(f.indexName(), List.of(f.column()), false));
            }
        }
        List<ForeignKeySchema> fks = new ArrayList<>();
        for (ForeignKey fk : ForeignKey.of(m)) {
            List<String> cols = new ArrayList<>();
            for (FieldMeta f : fk.columns()) {
                cols.add(f.column());
            }
            fks.add(new ForeignKeySchema(fk.name(m.tableName()), cols, fk.refTable(), fk.refColumns(), fk.onDelete(),
                    fk.onUpdate()));
        }
        return new TableSchema(m.tableName(), columns, pk, fks, uniques, indexes, List.of());
    }
}
