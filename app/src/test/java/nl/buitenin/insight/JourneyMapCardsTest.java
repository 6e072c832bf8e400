package nl.buitenin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * The journey map as cards: each touchpoint's main score named in words (never the question's key) with n and interval,
 * a colour band only from 30 answers and then said in words too, a weekly sparkline with its text alternative; the
 * channel filter narrows every figure, the period and language reach the comments, bad filters are named; the table
 * view shows the same without keys.
 */
@DatabaseTest
@AutoConfigureMockMvc
class JourneyMapCardsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ScoreHistograms histograms;

    TouchpointId phone;
    TouchpointId hut;
    TouchpointId mail;
    String journeyName;

    @BeforeEach
    void mapped() throws Exception {
        journeyName = Unique.name("Wandelreis");
        String journey = created(post("/api/v1/journeys"), "{\"nameNl\":\"" + journeyName + "\",\"nameEn\":\"" + journeyName + "\"}");
        String booking = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Boeken\",\"nameEn\":\"Booking\"}");
        String walking = created(post("/api/v1/journeys/" + journey + "/stages"), "{\"nameNl\":\"Wandelen\",\"nameEn\":\"Walking\"}");
        phone = touchpoint(booking, "Telefoon", "Phone", "PHONE");
        hut = touchpoint(walking, "Hut", "Hut", "LOCATION");
        mail = touchpoint(walking, "Post", "Mail", "EMAIL");
        LocalDate week1 = LocalDate.of(2026, 2, 2);
        LocalDate week2 = week1.plusWeeks(1);
        // Phone: 20 promoters in the first week, 10 passives and 10 detractors in the second: NPS 100, then -50; 25 in all.
        for (int i = 0; i < 20; i++) {
            histograms.record(phone, week1, "nps", ScoreScale.NPS, 10);
            histograms.record(phone, week2, "nps", ScoreScale.NPS, i < 10 ? 8 : 2);
        }
        for (int value : new int[] {5, 4, 4, 5, 2}) {
            histograms.record(phone, week1, "csat", ScoreScale.CSAT, value);
        }
        // Hut: 35 satisfied of 35 (CSAT 100 %, good). Mail: 6 NPS answers, too few for a colour.
        for (int i = 0; i < 35; i++) {
            histograms.record(hut, week1, "csat", ScoreScale.CSAT, 5);
        }
        for (int i = 0; i < 6; i++) {
            histograms.record(mail, week2, "nps", ScoreScale.NPS, 9);
        }
    }

    @Test
    void cardsNameTheScoreInWordsAndColourOnlyWhereNSuffices() throws Exception {
        String page = page("en", "from", "2026-02-01", "to", "2026-02-28");
        String phoneCard = card(page, phone);
        assertThat(phoneCard).contains("class=\"card band-fair\"").contains("Recommend (NPS)")
                .contains("25.0 (95%: ").contains("n = 40").contains(">fair<")
                .contains("Satisfaction (CSAT)").contains("n = 5").contains("fewer than 30 answers");
        // The sparkline: an SVG line over the weeks, and every week in its text alternative (a dash for none).
        assertThat(phoneCard).contains("<svg class=\"spark\"").contains("<polyline")
                .contains("Recommend (NPS) per week (starting on Monday): 26 Jan: –; 2 Feb: 100.0; 9 Feb: -50.0; 16 Feb: –; 23 Feb: –.");
        assertThat(card(page, hut)).contains("class=\"card band-good\"").contains("Satisfaction (CSAT)").contains(">good<");
        assertThat(card(page, mail)).contains("class=\"card band-none\"").contains("no colour: only from 30 answers")
                .doesNotContain("band-text");
        assertThat(page).contains("From February 1, 2026 to February 28, 2026 inclusive");

        String text = VisibleText.of(page);
        assertThat(VisibleText.problems(page)).isEmpty();
        assertThat(text).doesNotContainPattern("\\b(nps|csat|ces)\\b");

        String dutch = page("nl", "from", "2026-02-01", "to", "2026-02-28");
        assertThat(card(dutch, phone)).contains("Aanbevelen (NPS)").contains("25,0 (95%: ").contains(">middelmatig<");
        assertThat(dutch).contains("Van 1 februari 2026 tot en met 28 februari 2026");
        assertThat(VisibleText.problems(dutch)).isEmpty();
        assertThat(VisibleText.of(dutch)).doesNotContainPattern("\\b(nps|csat|ces)\\b");
    }

    @Test
    void theChannelFilterNarrowsEveryFigureAndThePeriodAndLanguageReachTheComments() throws Exception {
        String located = page("en", "from", "2026-02-01", "to", "2026-02-28", "channel", "LOCATION", "language", "en");
        assertThat(located).contains("data-touchpoint=\"" + hut + "\"").doesNotContain("data-touchpoint=\"" + phone + "\"")
                .doesNotContain("data-touchpoint=\"" + mail + "\"")
                // The stage without a touchpoint of the channel is left out.
                .contains("2. Walking").doesNotContain("1. Booking");
        assertThat(located).contains("hx-get=\"/listening/touchpoints/" + hut + "/comments?from=2026-02-01&amp;to=2026-02-28&amp;language=en\"");
        assertThat(located).contains("<option value=\"LOCATION\" selected=\"selected\">");
        // The table view keeps the filters, and the link back too.
        assertThat(located).contains("href=\"/insight/journey-map?from=2026-02-01&amp;to=2026-02-28&amp;channel=LOCATION&amp;language=en&amp;view=table\"");

        // Without a period the map shows the last 12 weeks, and so do the comments it loads.
        histograms.record(mail, LocalDate.now(), "nps", ScoreScale.NPS, 9);
        String defaults = page("en");
        assertThat(card(defaults, mail)).containsPattern("hx-get=\"/listening/touchpoints/[0-9a-f-]+/comments\\?from=\\d{4}-\\d{2}-\\d{2}&amp;to=\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void badFiltersAreNamedAtOnce() throws Exception {
        String page = page("en", "channel", "TELEGRAPH", "language", "fr", "from", "gisteren");
        assertThat(page).contains("class=\"alert error\"")
                .contains("<strong>channel</strong>: <span>&#39;TELEGRAPH&#39; is not a channel; choose one from the list</span>")
                .contains("<strong>language</strong>: <span>&#39;fr&#39; is not a language we know (choose nl or en)</span>")
                .contains("<strong>from</strong>");
        assertThat(page).doesNotContain("data-touchpoint=");
    }

    @Test
    void theTableViewShowsTheSameFiguresWithoutKeys() throws Exception {
        String table = page("en", "from", "2026-02-01", "to", "2026-02-28", "view", "table");
        Matcher row = Pattern.compile("<tr data-touchpoint=\"" + phone + "\"(.*?)</tr>", Pattern.DOTALL).matcher(table);
        assertThat(row.find()).isTrue();
        assertThat(row.group(1)).contains("Recommend (NPS)").contains("25.0 (95%: ").contains("n = 40").contains("<svg class=\"spark\"");
        assertThat(table).contains("id=\"to-cards\"").doesNotContain("class=\"card ");
        assertThat(VisibleText.problems(table)).isEmpty();
        assertThat(VisibleText.of(table)).doesNotContainPattern("\\b(nps|csat|ces)\\b");
    }

    private String page(String language, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/insight/journey-map");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request.with(user("anouk").roles("ANALYST")).locale(Locale.forLanguageTag(language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** One touchpoint's card, up to the next card or the end of its stage. */
    private static String card(String page, TouchpointId touchpoint) {
        Matcher m = Pattern.compile("(<li class=\"card[^\"]*\"\\s+data-touchpoint=\"" + touchpoint + "\".*?)(?=<li class=\"card|</ul>\\s*</div>)",
                Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("the card of %s", touchpoint).isTrue();
        return m.group(1);
    }

    private TouchpointId touchpoint(String stage, String nl, String en, String channel) throws Exception {
        return TouchpointId.of(created(post("/api/v1/stages/" + stage + "/touchpoints"),
                "{\"nameNl\":\"" + nl + "\",\"nameEn\":\"" + en + "\",\"channel\":\"" + channel + "\"}"));
    }

    private String created(MockHttpServletRequestBuilder request, String body) throws Exception {
        String response = mvc.perform(request.with(user("anouk").roles("ANALYST")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
