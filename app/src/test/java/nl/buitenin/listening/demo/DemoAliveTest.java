package nl.buitenin.listening.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import nl.buitenin.insight.Grouping;
import nl.buitenin.insight.ScoreHistograms;
import nl.buitenin.insight.ScoreQuery;
import nl.buitenin.insight.ScoreSlice;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;

/**
 * The demo looks alive whenever it is opened: in the journey map's default period (the last 12 weeks) every surveyed
 * touchpoint with a hundred contacts or more has 30 answers or more to each of its questions, so the map shows figures
 * instead of "too few answers". The default demo (2 000 people), in the context the browser tests share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DemoAliveTest {

    @Autowired
    ScoreHistograms histograms;
    @Autowired
    Interactions interactions;
    @Autowired
    Organisations organisations;

    @Test
    void theMainTouchpointsHaveThirtyAnswersOrMoreInTheDefaultPeriod() {
        LocalDate today = LocalDate.now(organisations.current().timeZone());
        LocalDate from = today.minusWeeks(12).plusDays(1);
        Map<TouchpointId, Long> contacts = interactions.volumes(from, today);
        List<String> main = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        for (ScoreSlice slice : histograms.summarise(new ScoreQuery(Set.of(), from, today, null, Grouping.TOTAL, true))) {
            if (slice.touchpoint() == null || contacts.getOrDefault(slice.touchpoint(), 0L) < 100) {
                continue;
            }
            main.add(slice.touchpoint() + " " + slice.questionKey());
            if (slice.histogram().n() < 30) {
                tooFew.add(slice.touchpoint() + " " + slice.questionKey() + ": n = " + slice.histogram().n() + " of "
                        + contacts.get(slice.touchpoint()) + " contacts");
            }
        }
        assertThat(main).as("surveyed touchpoints with a hundred contacts or more in the last 12 weeks").hasSizeGreaterThanOrEqualTo(3);
        assertThat(tooFew).as("questions with fewer than 30 answers in the last 12 weeks").isEmpty();
    }
}
