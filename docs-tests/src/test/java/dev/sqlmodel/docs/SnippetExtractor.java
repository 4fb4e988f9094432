package dev.sqlmodel.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the {@code ```java} blocks of README.md and every Markdown page under docs/. A block is
 * compiled unless the last non-blank line before its fence is {@code <!-- not-compiled: reason -->};
 * {@code <!-- run -->} there also runs it.
 */
final class SnippetExtractor {
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([A-Za-z0-9_+-]*).*$");
    private static final Pattern SKIP = Pattern.compile("^\\s*<!--\\s*not-compiled:\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern RUN = Pattern.compile("^\\s*<!--\\s*run\\s*-->\\s*$");
    private static final Pattern ANY_MARKER = Pattern.compile("^\\s*<!--\\s*(not-compiled|run|compiled?)\\b.*$");

    private SnippetExtractor() {
    }

    /** The pages whose blocks are checked: README.md, then docs/**.md in path order. */
    static List<Path> pages(Path root) {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }

    /** Every Java block of every page. */
    static List<Snippet> all(Path root) {
        List<Snippet> all = new ArrayList<>();
        for (Path page : pages(root)) {
            all.addAll(of(root.relativize(page).toString().replace('\\', '/'), read(page)));
        }
        return all;
    }

    /**
     * The Java blocks of one page.
     *
     * @throws IllegalStateException naming file and line for an unclosed fence, or a marker without a reason
     */
    static List<Snippet> of(String file, List<String> text) {
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            Matcher open = FENCE.matcher(text.get(i));
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(2);
            String language = open.group(3);
            int end = i + 1;
            while (end < text.size() && !isClosing(text.get(end), fence)) {
                end++;
            }
            if (end == text.size()) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": the code block opened here is never closed");
            }
            if (language.equals("java")) {
                snippets.add(snippet(file, text, i, end));
            }
            i = end;
        }
        return snippets;
    }

    private static Snippet snippet(String file, List<String> text, int fenceLine, int closingLine) {
        List<String> code = unindent(text.subList(fenceLine + 1, closingLine));
        String marker = "";
        for (int j = fenceLine - 1; j >= 0; j--) {
            if (!text.get(j).isBlank()) {
                marker = text.get(j);
                break;
            }
        }
        Snippet.Mode mode = Snippet.Mode.COMPILE;
        String reason = null;
        Matcher skip = SKIP.matcher(marker);
        if (skip.matches()) {
            reason = skip.group(1);
            if (reason.isEmpty()) {
                throw new IllegalStateException(file + ":" + (fenceLine + 1)
                        + ": <!-- not-compiled: --> before this block needs a reason, e.g. <!-- not-compiled: shows only a fragment -->");
            }
            mode = Snippet.Mode.SKIP;
        } else if (RUN.matcher(marker).matches()) {
            mode = Snippet.Mode.RUN;
        } else if (ANY_MARKER.matcher(marker).matches()) {
            throw new IllegalStateException(file + ":" + (fenceLine + 1) + ": unknown snippet marker '" + marker.strip()
                    + "'; use <!-- run --> or <!-- not-compiled: reason -->");
        }
        return new Snippet(file, fenceLine + 2, code, mode, reason);
    }

    private static boolean isClosing(String line, String fence) {
        String s = line.strip();
        return s.startsWith(fence) && s.chars().allMatch(c -> c == fence.charAt(0));
    }

    /** Removes the indentation common to every non-blank line (blocks inside list items). */
    private static List<String> unindent(List<String> lines) {
        int common = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                int n = 0;
                while (n < l.length() && l.charAt(n) == ' ') {
                    n++;
                }
                common = Math.min(common, n);
            }
        }
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            out.add(l.isBlank() ? "" : l.substring(Math.min(common, l.length())));
        }
        return out;
    }

    private static List<String> read(Path page) {
        try {
            return Files.readAllLines(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page, e);
        }
    }
}
