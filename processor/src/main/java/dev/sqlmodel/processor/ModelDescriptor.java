package dev.sqlmodel.processor;

import java.util.List;
import java.util.Locale;
import javax.lang.model.element.TypeElement;

/**
 * Everything the processor knows about one table model ({@code @Table} or {@code @jakarta.persistence.Entity}).
 *
 * @param type the model's type element
 * @param binaryName the name {@code Class.forName} understands ({@code com.acme.Outer$Hero})
 * @param packageName the model's package, where the metamodel class goes
 * @param metamodelName the simple name of the metamodel class ({@code Outer_Hero_})
 * @param tableName the table name, from {@code @Table(name)} or the lower-cased simple name
 * @param schema the table's schema, empty for the connection's current one
 * @param members the persistent fields, inherited ones first, in declaration order
 * @param entity whether the model is a {@code @jakarta.persistence.Entity}, whose fields speak that vocabulary
 */
record ModelDescriptor(
        TypeElement type,
        String binaryName,
        String packageName,
        String metamodelName,
        String tableName,
        String schema,
        List<ModelMember> members,
        boolean entity) {

    /** The model's canonical name, as written in source ({@code com.acme.Outer.Hero}). */
    String sourceName() {
        return type.getQualifiedName().toString();
    }

    /** A key equal for two models that map the same table, whatever the letter case. */
    String tableKey() {
        return (schema + "." + tableName).toLowerCase(Locale.ROOT);
    }

    /** The table as a user would write it, with its schema when there is one. */
    String qualifiedTable() {
        return schema.isEmpty() ? tableName : schema + "." + tableName;
    }

    /** The same model restricted to {@code kept} members. */
    ModelDescriptor withMembers(List<ModelMember> kept) {
        return new ModelDescriptor(type, binaryName, packageName, metamodelName, tableName, schema, List.copyOf(kept),
                entity);
    }
}
