package dev.sqlmodel.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlmodel.Engine;
import dev.sqlmodel.impl.testing.CountingDataSource;
import dev.sqlmodel.impl.testing.DatabaseTest;
import dev.sqlmodel.impl.testing.Db;
import dev.sqlmodel.impl.testing.DbTest;
import jakarta.data.Sort;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import java.util.ArrayList;
import java.util.List;

/** StartsWith, EndsWith and Contains take % and _ literally; Like takes a pattern; IgnoreCase; Null. */
class TextOperatorsTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Word.class};
    }

    private Words words(Db db) {
        Engine engine = fresh(db);
        Words words = Repos.of(Words.class, engine);
        words.saveAll(List.of(Word.of("100%", 3), Word.of("1000", 5), Word.of("a_b", 7), Word.of("axb", null),
                Word.of("Apple", 1), Word.of("apricot", 9), Word.of("x\\y", 2)));
        return words;
    }

    private static List<String> texts(List<Word> words) {
        return words.stream().map(w -> w.text).toList();
    }

    @DbTest
    void wildcardsInStartsWithEndsWithAndContainsAreLiteral(Db db) {
        Words words = words(db);
        Sort<Word> byId = Sort.asc("id");
        assertEquals(List.of("100%"), texts(words.findByTextEndsWith("%", byId)));
        assertEquals(List.of("100%", "1000"), texts(words.findByTextStartsWith("100", byId)));
        assertEquals(List.of("a_b"), texts(words.findByTextContains("_", byId)));
        assertEquals(List.of("x\\y"), texts(words.findByTextContains("\\", byId)));
        assertEquals(List.of("100%", "1000", "axb", "Apple", "apricot", "x\\y"),
                texts(words.findByTextNotContains("_", byId)));
        assertEquals(1L, words.deleteByTextEndsWith("0%"));
        assertEquals(List.of("1000"), texts(words.findByTextStartsWith("1", byId)));
    }

    @DbTest
    void matchingRespectsCaseOnEveryDatabaseUnlessIgnoreCase(Db db) {
        Words words = words(db);
        Sort<Word> byId = Sort.asc("id");
        assertEquals(List.of(), texts(words.findByTextStartsWith("app", byId)));
        assertEquals(List.of("apricot"), texts(words.findByTextStartsWith("ap", byId)));
        assertEquals(List.of("Apple"), texts(words.findByTextLike("A%", byId)));
        assertEquals(List.of(), texts(words.findByTextEndsWith("LE", byId)));
        assertEquals(List.of(), texts(words.findByTextContains("PP", byId)));
        assertEquals(List.of("Apple", "apricot"), texts(words.findByTextIgnoreCaseStartsWith("aP", byId)));
    }

    @DbTest
    void likeTakesAPattern(Db db) {
        Words words = words(db);
        assertEquals(List.of("a_b", "axb"), texts(words.findByTextLike("a_b", Sort.asc("id"))));
        assertEquals(List.of("100%", "1000", "a_b", "axb", "x\\y"),
                texts(words.findByTextNotLike("%p%", Sort.asc("id"))));
    }

    @DbTest
    void ignoreCaseInConditionsAndSorts(Db db) {
        Words words = words(db);
        assertEquals(List.of("Apple"), texts(words.findByTextIgnoreCase("APPLE")));
        assertEquals(List.of("Apple", "apricot"), texts(words.findByTextIgnoreCaseStartsWith("AP", Sort.asc("id"))));
        assertEquals(List.of("Apple", "apricot"),
                texts(words.findByTextIgnoreCaseIn(List.of("apple", "APRICOT"), Sort.asc("id"))));
        assertEquals(7 - 1, words.findByTextIgnoreCaseNot("aPPle", Sort.asc("id")).size());
        // only letters: how collations order punctuation differs between databases
        words.save(Word.of("Banana", 4));
        assertEquals(List.of("Banana", "axb", "apricot", "Apple"), letters(words.findByOrderByTextIgnoreCaseDesc()));
        assertEquals(List.of("Apple", "apricot", "axb", "Banana"), letters(words.sortedIgnoringCase(Sort.asc("id"))));
    }

    private static List<String> letters(List<Word> words) {
        return texts(words).stream().filter(t -> t.chars().allMatch(Character::isLetter)).toList();
    }

    @DbTest
    void nullAndRanges(Db db) {
        Words words = words(db);
        assertEquals(List.of("axb"), texts(words.findByScoreNull()));
        assertEquals(List.of("apricot", "a_b", "1000", "100%", "x\\y", "Apple"),
                texts(words.findByScoreNotNullOrderByScoreDesc()));
        assertEquals(List.of("1000", "a_b"), texts(words.findByScoreGreaterThanAndScoreLessThan(3, 9,
                Sort.asc("score"))));
    }

    @DbTest
    void cursoredPagesPlaceNullKeysAfterEveryValueBothWays(Db db) {
        Words words = words(db);
        words.saveAll(List.of(Word.of("n1", null), Word.of("n2", null), Word.of("three", 3)));
        List<String> expectedAsc = List.of("Apple", "x\\y", "100%", "three", "1000", "a_b", "apricot", "axb", "n1",
                "n2");
        assertEquals(expectedAsc, walk(words, Sort.asc("score")));
        List<String> expectedDesc = List.of("axb", "n1", "n2", "apricot", "a_b", "1000", "100%", "three", "x\\y",
                "Apple");
        assertEquals(expectedDesc, walk(words, Sort.desc("score")));
    }

    /** Every page forward, then back from the last page, which must give the same pages. */
    private static List<String> walk(Words words, Sort<Word> sort) {
        List<List<String>> forward = new ArrayList<>();
        CursoredPage<Word> page = words.findByIdNotNull(PageRequest.ofSize(3), sort);
        forward.add(texts(page.content()));
        while (page.hasNext()) {
            page = words.findByIdNotNull(page.nextPageRequest(), sort);
            forward.add(texts(page.content()));
        }
        List<List<String>> backward = new ArrayList<>();
        backward.add(texts(page.content()));
        while (page.hasPrevious()) {
            page = words.findByIdNotNull(page.previousPageRequest(), sort);
            backward.add(0, texts(page.content()));
        }
        assertEquals(forward, backward);
        return forward.stream().flatMap(List::stream).toList();
    }

    @DbTest
    void findByIdIsOneStatement(Db db) {
        words(db);
        CountingDataSource[] counter = new CountingDataSource[1];
        Engine counting = countingEngine(db, ds -> counter[0] = new CountingDataSource(ds));
        Words words = Repos.of(Words.class, counting);
        Long id = words.findByTextIgnoreCase("apple").get(0).id;
        counter[0].reset();
        assertEquals("Apple", words.findById(id).orElseThrow().text);
        // (a fresh SQLite connection also sends its PRAGMA: only the queries are counted)
        assertEquals(1, counter[0].selects().size(), counter[0].statements().toString());
        assertTrue(counter[0].selects().get(0).contains("WHERE \"id\" = ?") || counter[0].selects().get(0)
                .contains("WHERE `id` = ?"), counter[0].selects().toString());
    }
}
