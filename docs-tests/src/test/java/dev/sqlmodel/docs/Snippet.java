package dev.sqlmodel.docs;

import java.util.List;

/**
 * One {@code ```java} block of a Markdown page.
 *
 * @param file the page, relative to the repository root ({@code docs/queries.md})
 * @param line the 1-based line of the block's first code line in that page
 * @param lines the block's code lines, with the indentation common to all of them removed
 * @param mode whether the block is compiled, compiled and run, or left alone
 * @param reason why a block is not compiled (only for {@link Mode#SKIP})
 */
record Snippet(String file, int line, List<String> lines, Mode mode, String reason) {

    /** What the test does with a block, chosen by an HTML comment on the line before its fence. */
    enum Mode {
        /** No marker: compiled. */
        COMPILE,
        /** {@code <!-- run -->}: compiled, then run on a fresh SQLite database. */
        RUN,
        /** {@code <!-- not-compiled: reason -->}: a fragment shown on purpose; left alone. */
        SKIP
    }

    /** {@code docs/queries.md:42}, the name tests and failures use. */
    String where() {
        return file + ":" + line;
    }

    /** A Java package name unique to this block, e.g. {@code snippets.docs_queries_md_l42}. */
    String packageName() {
        return "snippets." + file.replaceAll("[^A-Za-z0-9]", "_").toLowerCase() + "_l" + line;
    }

    @Override
    public String toString() {
        return where();
    }
}
