package dev.sqlmodel.processor;

import java.util.HashMap;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/** The tables mapped so far in this compilation, to catch two models mapping the same one. */
final class TableRegistry {
    private final Map<String, String> owners = new HashMap<>();
    private final Messager messager;

    /** A registry that reports clashes through {@code messager}. */
    TableRegistry(Messager messager) {
        this.messager = messager;
    }

    /**
     * Records that {@code model} maps its table; reports an error on {@code model} when an
     * earlier model already maps the same table (names compared ignoring case, as most
     * databases fold or compare them that way).
     *
     * @return whether the table was still free
     */
    boolean claim(ModelDescriptor model) {
        String owner = owners.putIfAbsent(model.tableKey(), model.sourceName());
        if (owner == null || owner.equals(model.sourceName())) {
            return true;
        }
        messager.printMessage(Diagnostic.Kind.ERROR,
                model.sourceName() + ": table \"" + model.qualifiedTable() + "\" is already mapped by " + owner
                        + "; two models cannot map the same table",
                model.type());
        return false;
    }
}
