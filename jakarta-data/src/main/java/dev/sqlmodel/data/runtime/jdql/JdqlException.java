package dev.sqlmodel.data.runtime.jdql;

/**
 * A JDQL query that cannot be compiled: its message quotes the query, the 1-based position of
 * the problem and what was expected there.
 */
public final class JdqlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String query;
    private final int position;

    /** A problem at {@code position} (1-based; 0 when it concerns the whole query). */
    public JdqlException(String query, int position, String problem) {
        super(message(query, position, problem));
        this.query = query;
        this.position = position;
    }

    private static String message(String query, int position, String problem) {
        String where = position > 0 ? " at position " + position : "";
        return "JDQL query \"" + query + "\"" + where + ": " + problem;
    }

    /** The query text. */
    public String query() {
        return query;
    }

    /** The 1-based position of the problem in the query, or 0 when it concerns the whole query. */
    public int position() {
        return position;
    }
}
