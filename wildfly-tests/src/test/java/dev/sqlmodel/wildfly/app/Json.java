package dev.sqlmodel.wildfly.app;

import dev.sqlmodel.SqlModel;
import java.util.List;
import java.util.StringJoiner;

/** JSON arrays of models, since {@link SqlModel#toJson} writes one model. */
final class Json {
    private Json() {
    }

    static String array(List<?> models) {
        StringJoiner out = new StringJoiner(",", "[", "]");
        for (Object m : models) {
            out.add(SqlModel.toJson(m));
        }
        return out.toString();
    }
}
