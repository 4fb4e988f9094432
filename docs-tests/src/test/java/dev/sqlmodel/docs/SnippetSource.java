package dev.sqlmodel.docs;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.SimpleJavaFileObject;

/**
 * The compilation units made from one snippet. Top-level type declarations (a line at column 0
 * that declares a class, record, interface or enum, with its annotations, up to the matching
 * closing brace) become files of their own; {@code import} lines are kept; every other line is a
 * statement of the method {@code run()} of a class {@code Snippet}, whose fields are the variables
 * the pages use without declaring them ({@link #FIELDS}). Every unit starts with the imports of
 * {@link #IMPORTS}. All units of a snippet share a package of their own.
 */
final class SnippetSource {

    /** The imports every snippet gets; a snippet's own single-type imports win over these. */
    static final List<String> IMPORTS = List.of(
            "dev.sqlmodel.*",
            "dev.sqlmodel.schema.*",
            "dev.sqlmodel.cdi.*",
            "dev.sqlmodel.docs.model.*",
            "static dev.sqlmodel.Sql.*",
            "java.math.*",
            "java.nio.file.Files",
            "java.nio.file.Path",
            "java.time.*",
            "java.util.*",
            "java.util.function.*",
            "java.util.stream.*",
            "java.sql.Connection",
            "java.sql.SQLException",
            "javax.sql.DataSource",
            "jakarta.validation.*",
            "jakarta.validation.constraints.*",
            "jakarta.inject.*",
            "jakarta.enterprise.context.*",
            "jakarta.enterprise.context.control.*",
            "jakarta.enterprise.event.*",
            "jakarta.enterprise.inject.*",
            "jakarta.enterprise.inject.se.*",
            "jakarta.transaction.Transactional");

    /**
     * The variables a statement snippet may use without declaring them. A run snippet gets them
     * filled from {@code dev.sqlmodel.docs.model.Fixture}; a snippet may declare its own of the same
     * name, which hides the field.
     */
    static final List<String> FIELDS = List.of(
            "Engine engine",
            "Session session",
            "DataSource dataSource",
            "Connection connection",
            "Hero hero",
            "Hero other",
            "Hero risky",
            "Hero h1",
            "Hero h2",
            "Team team",
            "List<Hero> heroes",
            "Path migrations");

    /** The class holding a snippet's statements. */
    static final String STATEMENTS_CLASS = "Snippet";

    private static final Pattern DECLARATION = Pattern.compile(
            "^(@[\\w.]+(\\([^)]*\\))?\\s*)*((public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                    + "(class|record|interface|enum|@interface)\\s+(\\w+).*$");
    private static final Pattern ANNOTATION_LINE = Pattern.compile("^@[\\w.]+(\\(.*\\))?\\s*$");
    private static final Pattern TABLE = Pattern.compile("(^|\\s)@(dev\\.sqlmodel\\.)?Table\\b");

    /** One generated file; {@code docLines[i]} is the page line of generated line i + 1 (0: generated). */
    static final class Unit extends SimpleJavaFileObject {
        final Snippet snippet;
        final String className;
        final String source;
        final int[] docLines;

        Unit(Snippet snippet, String className, List<String> lines, List<Integer> docLines) {
            super(URI.create("string:///" + snippet.packageName().replace('.', '/') + "/" + className + ".java"), Kind.SOURCE);
            this.snippet = snippet;
            this.className = className;
            this.source = String.join("\n", lines) + "\n";
            this.docLines = docLines.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
        }

        /** The page line of generated line {@code line} (1-based), or 0 for a generated line. */
        int docLine(long line) {
            return line >= 1 && line <= docLines.length ? docLines[(int) line - 1] : 0;
        }

        /** Generated line {@code line} (1-based). */
        String line(long line) {
            String[] all = source.split("\n", -1);
            return line >= 1 && line <= all.length ? all[(int) line - 1] : "";
        }
    }

    final Snippet snippet;
    final List<Unit> units = new ArrayList<>();
    final Set<String> declaredTypes = new LinkedHashSet<>();
    boolean declaresTable;
    boolean hasStatements;

    private SnippetSource(Snippet snippet) {
        this.snippet = snippet;
    }

    /**
     * The units of {@code snippet}.
     *
     * @throws IllegalStateException naming the page line when a declaration's braces never close
     */
    static SnippetSource of(Snippet snippet) {
        SnippetSource s = new SnippetSource(snippet);
        s.split();
        return s;
    }

    private void split() {
        List<String> lines = snippet.lines();
        List<String> imports = new ArrayList<>();
        List<Integer> importLines = new ArrayList<>();
        List<List<Integer>> declarations = new ArrayList<>();
        List<Integer> statements = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("import ")) {
                imports.add(line);
                importLines.add(i);
            } else if (line.startsWith("package ")) {
                continue;
            } else if (declarationStart(lines, i)) {
                int end = closingLine(lines, i);
                List<Integer> decl = new ArrayList<>();
                for (int j = i; j <= end; j++) {
                    decl.add(j);
                }
                declarations.add(decl);
                i = end;
            } else {
                statements.add(i);
                if (!line.isBlank() && !line.strip().startsWith("//")) {
                    hasStatements = true;
                }
            }
        }
        for (List<Integer> decl : declarations) {
            String name = null;
            for (int j : decl) {
                Matcher m = DECLARATION.matcher(lines.get(j));
                if (m.matches()) {
                    name = m.group(6);
                    break;
                }
            }
            declaredTypes.add(name);
            for (int j : decl) {
                if (TABLE.matcher(lines.get(j)).find()) {
                    declaresTable = true;
                }
            }
            units.add(unit(name, imports, importLines, decl, List.of(), List.of()));
        }
        if (hasStatements || declarations.isEmpty()) {
            List<String> head = new ArrayList<>();
            head.add("@SuppressWarnings(\"all\")");
            head.add("class " + STATEMENTS_CLASS + " {");
            for (String f : FIELDS) {
                head.add("    " + f + ";");
            }
            head.add("    void mightFail() {");
            head.add("    }");
            head.add("    void run() throws Exception {");
            units.add(unit(STATEMENTS_CLASS, imports, importLines, statements, head, List.of("    }", "}")));
        }
    }

    private Unit unit(String className, List<String> imports, List<Integer> importLines, List<Integer> body,
            List<String> head, List<String> tail) {
        List<String> out = new ArrayList<>();
        List<Integer> map = new ArrayList<>();
        out.add("package " + snippet.packageName() + ";");
        map.add(0);
        Set<String> ownSimpleNames = new LinkedHashSet<>();
        for (String imp : imports) {
            String name = imp.replace("import ", "").replace(";", "").strip();
            if (!name.endsWith("*")) {
                ownSimpleNames.add(name.substring(name.lastIndexOf('.') + 1));
            }
        }
        for (String imp : IMPORTS) {
            String simple = imp.substring(imp.lastIndexOf('.') + 1);
            if (!imp.endsWith("*") && ownSimpleNames.contains(simple)) {
                continue;
            }
            out.add("import " + imp + ";");
            map.add(0);
        }
        for (int k = 0; k < imports.size(); k++) {
            out.add(imports.get(k));
            map.add(snippet.line() + importLines.get(k));
        }
        for (String h : head) {
            out.add(h);
            map.add(0);
        }
        for (int i : body) {
            out.add(snippet.lines().get(i));
            map.add(snippet.line() + i);
        }
        for (String t : tail) {
            out.add(t);
            map.add(0);
        }
        return new Unit(snippet, className, out, map);
    }

    private static boolean declarationStart(List<String> lines, int i) {
        String line = withoutComment(lines.get(i));
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
            return false;
        }
        if (DECLARATION.matcher(line).matches()) {
            return true;
        }
        int j = i;
        while (j < lines.size() && ANNOTATION_LINE.matcher(withoutComment(lines.get(j))).matches()) {
            j++;
        }
        return j > i && j < lines.size() && DECLARATION.matcher(withoutComment(lines.get(j))).matches();
    }

    /** {@code line} without a trailing {@code //} comment (outside string literals). */
    private static String withoutComment(String line) {
        for (int c = 0; c < line.length(); c++) {
            char ch = line.charAt(c);
            if (ch == '"' || ch == '\'') {
                c = skipLiteral(line, c);
            } else if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                return line.substring(0, c).stripTrailing();
            }
        }
        return line;
    }

    /** The line holding the brace that closes the declaration starting at {@code start}. */
    private int closingLine(List<String> lines, int start) {
        int depth = 0;
        boolean opened = false;
        boolean blockComment = false;
        for (int i = start; i < lines.size(); i++) {
            String l = lines.get(i);
            for (int c = 0; c < l.length(); c++) {
                char ch = l.charAt(c);
                if (blockComment) {
                    if (ch == '*' && c + 1 < l.length() && l.charAt(c + 1) == '/') {
                        blockComment = false;
                        c++;
                    }
                } else if (ch == '/' && c + 1 < l.length() && l.charAt(c + 1) == '/') {
                    break;
                } else if (ch == '/' && c + 1 < l.length() && l.charAt(c + 1) == '*') {
                    blockComment = true;
                    c++;
                } else if (ch == '"' || ch == '\'') {
                    c = skipLiteral(l, c);
                } else if (ch == '{') {
                    depth++;
                    opened = true;
                } else if (ch == '}') {
                    depth--;
                    if (opened && depth == 0) {
                        return i;
                    }
                }
            }
        }
        throw new IllegalStateException(snippet.file() + ":" + (snippet.line() + start)
                + ": the declaration starting here has no matching closing brace in its block");
    }

    private static int skipLiteral(String l, int start) {
        char quote = l.charAt(start);
        for (int c = start + 1; c < l.length(); c++) {
            if (l.charAt(c) == '\\') {
                c++;
            } else if (l.charAt(c) == quote) {
                return c;
            }
        }
        return l.length();
    }
}
