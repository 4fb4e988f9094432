package dev.sqlmodel.data.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Method names whose attributes contain And, Or, OrderBy, Not, In and By are read attribute first. */
class MethodNameTest {

    private static final EntityModel SHIPMENT = EntityModel.of(Shipment.class);

    private static String read(String name) {
        MethodName.Parsed p = MethodName.parse(name, SHIPMENT);
        StringBuilder s = new StringBuilder(p.action().name());
        if (p.first() > 0) {
            s.append(" first ").append(p.first());
        }
        for (MethodName.Term t : p.terms()) {
            s.append(t.orBefore() ? " OR " : " ").append(t.field().name()).append(t.ignoreCase() ? " ic" : "")
                    .append(t.not() ? " not" : "").append(' ').append(t.op());
        }
        for (MethodName.OrderTerm o : p.orderBy()) {
            s.append(" order ").append(o.field().name()).append(o.descending() ? " desc" : "")
                    .append(o.ignoreCase() ? " ic" : "");
        }
        return s.toString();
    }

    @Test
    void attributesContainingKeywords() {
        assertEquals("FIND origin EQUAL orderRef EQUAL", read("findByOriginAndOrderRef"));
        assertEquals("FIND orderRef EQUAL OR origin EQUAL", read("findByOrderRefOrOrigin"));
        assertEquals("FIND origin EQUAL order orderRef desc", read("findByOriginOrderByOrderRefDesc"));
        assertEquals("FIND notes not NULL", read("findByNotesNotNull"));
        assertEquals("FIND inTransit TRUE", read("findByInTransitTrue"));
        assertEquals("FIND inTransit not EQUAL", read("findByInTransitNot"));
        assertEquals("COUNT byteCount GREATER_THAN", read("countByByteCountGreaterThan"));
        assertEquals("FIND id IN OR notes ic not LIKE", read("findByIdInOrNotesIgnoreCaseNotLike"));
    }

    @Test
    void prefixesFirstAndIgnoredText() {
        assertEquals("FIND first 3 origin STARTS_WITH order id", read("findFirst3ByOriginStartsWithOrderById"));
        assertEquals("FIND first 1 order notes ic", read("findFirstOrderByNotesIgnoreCase"));
        assertEquals("COUNT", read("countAll"));
        assertEquals("EXISTS id EQUAL", read("existsById"));
        assertEquals("DELETE origin EQUAL", read("deleteShipmentsByOrigin"));
        assertEquals("FIND order origin order id desc", read("findByOrderByOriginAscIdDesc"));
    }

    @Test
    void unreadableNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MethodName.parse("findByDestination", SHIPMENT));
        assertTrue(e.getMessage().contains("\"Destination\"") && e.getMessage().contains("orderRef"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MethodName.parse("findByOriginXyz", SHIPMENT));
        assertTrue(e.getMessage().contains("\"Xyz\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MethodName.parse("countByOriginOrderById", SHIPMENT));
        assertTrue(e.getMessage().contains("find methods only"), e.getMessage());
        assertEquals(null, MethodName.action("lookupByOrigin"));
        assertEquals(null, MethodName.action("findings"));
        assertEquals(List.of(), MethodName.parse("findAll", SHIPMENT).terms());
    }
}
