package dev.sqlmodel.wildfly.app;

import dev.sqlmodel.SqlModel;
import java.util.List;
import java.util.StringJoiner;

/** JSON arrays of heroes, since {@link SqlModel#toJson} writes one model. */
final class Json {
    private Json() {
    }

    static String array(List<Hero> heroes) {
        StringJoiner out = new StringJoiner(",", "[", "]");
        for (Hero h : heroes) {
            out.add(HeroResource.json(h));
        }
        return out.toString();
    }
}
