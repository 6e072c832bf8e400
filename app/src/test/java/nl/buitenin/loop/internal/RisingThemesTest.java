package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.journey.Channel;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging.Tagger;
import nl.buitenin.platform.StartFigure;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.testing.DatabaseTest;

/**
 * Themes rising on a hand-built set of tagged cases and answers (k = 5): a theme tagged for 6 people in the last four
 * weeks and 2 before rises (its earlier count hidden: fewer than 5 people); a theme with fewer tags than before does
 * not; a theme of 4 people does not show however much it rose; an unreviewed low-confidence suggestion does not count.
 */
@DatabaseTest
class RisingThemesTest {

    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

    @Autowired
    RisingThemes rising;
    @Autowired
    Themes themes;
    @Autowired
    CaseWork work;
    @Autowired
    JdbcClient jdbc;

    final Random random = new Random(42);

    PersonKey person() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder key = new StringBuilder("p_");
        for (int i = 0; i < 26; i++) {
            key.append(alphabet.charAt(random.nextInt(32)));
        }
        return new PersonKey(key.toString());
    }

    ThemeId theme(String name) {
        String unique = name + " " + UUID.randomUUID().toString().substring(0, 8);
        return themes.add(unique, unique + " en", null).id();
    }

    /** A case of a new person opened {@code daysAgo} before NOW, tagged with the theme by a person or by a guess. */
    void caseTagged(ThemeId theme, long daysAgo, Tagger kind) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        CaseId id = work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, person(), null,
                Channel.PHONE, "team-x", null, "klacht"), "test", at).file().id();
        if (kind == Tagger.SUGGESTER) {
            themes.suggest(nl.buitenin.loop.TagSubject.of(id), theme, "model", 0.1);
        } else {
            themes.tag(id, theme, "agent", kind, at);
        }
    }

    void answerTagged(ThemeId theme, long daysAgo) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        jdbc.sql("insert into loop_answer_theme (response_id, theme_id, person_key, touchpoint_id, answered_at, tagged_by, tagger_kind, "
                        + "tagged_at) values (:r, :t, :p, null, :at, 'analyst', 'USER', :at)")
                .param("r", UUID.randomUUID()).param("t", theme.value()).param("p", person().value())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    }

    @Test
    void aThemeRisesWhenTheLastFourWeeksHaveMoreTagsAmongEnoughPeople() {
        ThemeId up = theme("Modder");
        for (int i = 0; i < 5; i++) {
            caseTagged(up, 3 + i, Tagger.USER);
        }
        answerTagged(up, 10);
        caseTagged(up, 2, Tagger.SUGGESTER);   // a guess of 0.1: not counted
        caseTagged(up, 35, Tagger.USER);
        answerTagged(up, 50);
        caseTagged(up, 60, Tagger.USER);       // before both windows

        ThemeId down = theme("Wachttijd");
        for (int i = 0; i < 5; i++) {
            caseTagged(down, 1 + i, Tagger.USER);
        }
        for (int i = 0; i < 6; i++) {
            caseTagged(down, 30 + i, Tagger.USER);
        }

        ThemeId few = theme("Parkeren");
        for (int i = 0; i < 4; i++) {
            caseTagged(few, 5 + i, Tagger.USER);
        }

        List<RisingThemes.Rise> mine = rising.at(NOW, 1000).stream()
                .filter(r -> Set.of(up, down, few).contains(r.theme())).toList();

        assertThat(mine).hasSize(1);
        RisingThemes.Rise rise = mine.get(0);
        assertThat(rise.theme()).isEqualTo(up);
        assertThat(rise.now()).isEqualTo(6);
        assertThat(rise.before()).isEqualTo(2);
        assertThat(rise.peopleNow()).isEqualTo(6);
        assertThat(rise.peopleBefore()).isEqualTo(2);

        StartFigure figure = LoopStartPanels.themeFigures(mine, new SmallCellRule(5), Locale.forLanguageTag("nl")).get(0);
        assertThat(figure.value()).isEqualTo(6.0);
        assertThat(figure.note().key()).isEqualTo("loop.start.theme.beforeHidden");
        assertThat(figure.link()).isEqualTo("/loop/themes");
    }
}
