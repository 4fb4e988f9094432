package dev.sqlmodel.data;

import jakarta.data.Sort;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Repository;
import java.util.List;

/** The text operators. */
@Repository
public interface Words extends BasicRepository<Word, Long> {

    List<Word> findByTextStartsWith(String prefix, Sort<Word> sort);

    List<Word> findByTextEndsWith(String suffix, Sort<Word> sort);

    List<Word> findByTextContains(String part, Sort<Word> sort);

    List<Word> findByTextNotContains(String part, Sort<Word> sort);

    List<Word> findByTextLike(String pattern, Sort<Word> sort);

    List<Word> findByTextNotLike(String pattern, Sort<Word> sort);

    List<Word> findByTextIgnoreCase(String text);

    List<Word> findByTextIgnoreCaseStartsWith(String prefix, Sort<Word> sort);

    List<Word> findByTextIgnoreCaseNot(String text, Sort<Word> sort);

    List<Word> findByTextIgnoreCaseIn(List<String> texts, Sort<Word> sort);

    List<Word> findByScoreNull();

    List<Word> findByScoreNotNullOrderByScoreDesc();

    List<Word> findByScoreGreaterThanAndScoreLessThan(int low, int high, Sort<Word> sort);

    List<Word> findByOrderByTextIgnoreCaseDesc();

    @Find
    @OrderBy(value = "text", ignoreCase = true)
    List<Word> sortedIgnoringCase(Sort<Word> then);

    long deleteByTextEndsWith(String suffix);

    CursoredPage<Word> findByIdNotNull(PageRequest page, Sort<Word> sort);
}
