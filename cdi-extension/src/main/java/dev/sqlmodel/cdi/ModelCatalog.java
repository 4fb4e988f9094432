package dev.sqlmodel.cdi;

import dev.sqlmodel.MappingException;
import dev.sqlmodel.impl.meta.ModelIndex;
import dev.sqlmodel.impl.meta.ModelMeta;
import dev.sqlmodel.impl.meta.ModelRegistry;
import dev.sqlmodel.impl.meta.RelationMeta;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The models of a deployment: those the annotation processor listed in
 * {@code META-INF/sqlmodel/models.idx} (the reliable source: CDI's annotated discovery mode
 * never shows a plain {@code @Table} class to an extension) plus those the container showed the
 * extension. {@link #problems()} checks each one as a session would use it, relationships
 * included, so that a bad model fails deployment instead of the first request.
 */
final class ModelCatalog {
    private final Set<Class<?>> models = new LinkedHashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    /**
     * One thing wrong with the models: the message names the class (and field), the cause is
     * the {@link MappingException} (or loading error) behind it, for the deployment failure's
     * cause chain.
     */
    record Problem(String message, Throwable cause) {
        /** The deployment failure this problem makes: the message kept, the cause chained. */
        DeploymentException deploymentException() {
            return new DeploymentException("invalid model: " + message, cause);
        }
    }

    /** Adds a model the container discovered. */
    void add(Class<?> model) {
        models.add(model);
    }

    /** Adds the models of every index visible to {@code loader}; an unloadable entry is a problem. */
    void addIndexed(ClassLoader loader) {
        for (String name : ModelIndex.classNames(loader)) {
            try {
                models.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(new Problem(name + " is listed in " + ModelIndex.RESOURCE + " but cannot be loaded: " + e, e));
            }
        }
    }

    /** The models, in discovery order. */
    List<Class<?>> models() {
        return List.copyOf(models);
    }

    /**
     * What is wrong with the models, one message each naming the class (and field); empty when
     * all are valid. Resolving each relationship's columns here also caches them for the
     * relationship loaders.
     */
    List<Problem> problems() {
        List<Problem> found = new ArrayList<>(problems);
        Map<String, Class<?>> tables = new HashMap<>();
        for (Class<?> type : models) {
            try {
                ModelMeta<?> meta = ModelRegistry.of(type);
                for (RelationMeta relation : meta.relations()) {
                    relation.path();
                }
                String table = (meta.schema() + "." + meta.tableName()).toLowerCase(Locale.ROOT);
                Class<?> other = tables.putIfAbsent(table, type);
                if (other != null && other != type) {
                    String message = type.getName() + " and " + other.getName() + " both map table '" + meta.tableName() + "'";
                    found.add(new Problem(message, new MappingException(message)));
                }
            } catch (MappingException e) {
                found.add(new Problem(e.getMessage(), e));
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "ModelCatalog[" + models.size() + " models]";
    }
}
