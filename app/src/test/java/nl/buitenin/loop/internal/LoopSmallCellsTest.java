package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.journey.Channel;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.ToldBack;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;

/**
 * The small-cell rule (k = 5) over every loop figure: the loop-closure figures (page, API, quarterly report and
 * its PDF), the theme counts and the told-back counts of an action. A figure about 1 to 4 people is hidden,
 * about 5 it is shown, about nobody it says so. Cases are opened in 2013 so that no other test's cases fall in
 * the period. The public page's count of people who raised a theme is hidden below k even when its own
 * minimum is set lower.
 */
@DatabaseTest
@AutoConfigureMockMvc
// The public page's own minimum is set below k: the small-cell rule must still hold there.
@org.springframework.test.context.TestPropertySource(properties = "buitenin.loop.public-minimum-count=2")
class LoopSmallCellsTest {

    static final Instant OPENED = Instant.parse("2013-05-06T08:00:00Z");
    /** The themes test's cases, in another quarter. */
    static final Instant TAGGED = Instant.parse("2013-09-02T08:00:00Z");

    @Autowired
    CaseWork work;
    @Autowired
    Teams teams;
    @Autowired
    Themes themes;
    @Autowired
    Improving improving;
    @Autowired
    ToldBack toldBack;
    @Autowired
    ToldBackLog toldBackLog;
    @Autowired
    MockMvc mvc;

    @Test
    void loopFiguresAboutFewerThanFivePeopleAreHiddenOnThePageInTheApiTheReportAndThePdf() throws Exception {
        List<String> small = new ArrayList<>();
        for (int people = 1; people <= 4; people++) {
            String team = team("klein" + people);
            cases(team, people, 1);
            small.add(team);
        }
        // Six cases of two people: still about fewer than five people.
        String twoPeople = team("twee");
        cases(twoPeople, 2, 3);
        small.add(twoPeople);
        String five = team("vijf");
        cases(five, 5, 1);

        String json = mvc.perform(analyst(get("/api/v1/loop/figures").param("by", "TEAM").param("from", "2013-05-01")
                        .param("to", "2013-05-31"), "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String team : small) {
            Map<String, Object> row = row(json, team);
            assertThat(hiddenShare(row.get("followedUpInTime"))).as("%s: %s", team, row).isTrue();
            assertThat(hiddenMedian(row.get("timeToFirstContactHours"))).as(team).isTrue();
        }
        Map<String, Object> shown = row(json, five);
        Map<?, ?> share = (Map<?, ?>) shown.get("followedUpInTime");
        assertThat(share.get("hidden")).isEqualTo(false);
        assertThat(share.get("fewerThan")).isNull();
        assertThat(share.get("n")).isEqualTo(5);
        assertThat(share.get("successes")).isEqualTo(5);
        assertThat(share.get("value")).isEqualTo(1.0);
        Map<?, ?> median = (Map<?, ?>) shown.get("timeToFirstContactHours");
        assertThat(median.get("hidden")).isEqualTo(false);
        assertThat(median.get("n")).isEqualTo(5);
        assertThat(median.get("value")).isEqualTo(2.0);
        // 1 + 2 + 3 + 4 + 6 + 5 = 21 cases of 17 people in total: shown.
        assertThat(((Map<?, ?>) row(json, "*").get("followedUpInTime")).get("n")).isEqualTo(21);

        // A month without cases: no figure, which is not a hidden one.
        String empty = mvc.perform(analyst(get("/api/v1/loop/figures").param("from", "2013-08-01").param("to", "2013-08-31"), "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<?>) JsonPath.read(empty, "$")).hasSize(1);
        assertThat(row(empty, "*").get("followedUpInTime")).isNull();
        assertThat(((Map<?, ?>) row(empty, "*").get("timeToFirstContactHours")).get("hidden")).isEqualTo(false);
        assertThat(((Map<?, ?>) row(empty, "*").get("timeToFirstContactHours")).get("n")).isEqualTo(0);

        for (String language : List.of("en", "nl")) {
            String hidden = language.equals("en") ? "fewer than 5 people" : "minder dan 5 personen";
            String figures = mvc.perform(analyst(get("/loop/figures").param("by", "TEAM").param("from", "2013-05-01")
                            .param("to", "2013-05-31"), language))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String report = mvc.perform(analyst(get("/loop/report").param("quarter", "2013-Q2"), language))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            for (String page : List.of(figures, report)) {
                for (String team : small) {
                    assertThat(pageRow(page, team)).as("%s on a page in %s", team, language).contains(hidden)
                            .doesNotContainPattern("n = [1-9]").doesNotContain("%").doesNotContain(" h<");
                }
                assertThat(pageRow(page, five)).contains("100 %").contains("n = 5").doesNotContain(hidden);
                assertThat(page).contains(language.equals("en") ? "A figure about fewer than 5 people is not shown"
                        : "Een cijfer over minder dan 5 personen wordt niet getoond");
            }
            String nothing = mvc.perform(analyst(get("/loop/figures").param("from", "2013-08-01").param("to", "2013-08-31"), language))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(pageRow(nothing, "*")).contains("n = 0").doesNotContain(hidden);
        }

        byte[] pdf = mvc.perform(analyst(get("/loop/report.pdf").param("quarter", "2013-Q2"), "nl"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("minder dan 5 personen").contains("Een cijfer over minder dan 5 personen");
            // The small teams' n (1 to 4 cases, and 6 cases of two people) appears nowhere; the team of five and the total do.
            assertThat(text).doesNotContainPattern("n = [1-46](?![0-9])");
            assertThat(text).contains("100 % [").contains("n = 5").contains("n = 21");
        }
    }

    @Test
    void themeAndToldBackCountsAboutFewerThanFivePeopleAreHidden() throws Exception {
        String team = team("thema");
        Themes.Theme three = theme("drie");
        Themes.Theme ten = theme("tien");
        Themes.Theme twoPeople = theme("twee");
        for (PersonKey person : people(3)) {
            tag(open(team, person, TAGGED), three);
        }
        List<PersonKey> tenPeople = people(10);
        for (PersonKey person : tenPeople) {
            tag(open(team, person, TAGGED), ten);
        }
        for (PersonKey person : people(2)) {
            for (int i = 0; i < 3; i++) {
                tag(open(team, person, TAGGED), twoPeople);
            }
        }
        String page = mvc.perform(analyst(get("/loop/themes"), "en")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(themeRow(page, three)).as("3 cases of 3 people").contains("<td>&lt;5</td>").doesNotContain("<td>3</td>");
        assertThat(themeRow(page, twoPeople)).as("6 cases of 2 people").contains("<td>&lt;5</td>").doesNotContain("<td>6</td>");
        assertThat(themeRow(page, ten)).as("10 cases of 10 people").contains("<td>10</td>").doesNotContain("&lt;5");
        // No answers carry these themes: zero is shown as it is.
        assertThat(themeRow(page, ten)).contains("<td>0</td>");

        ImprovementAction action = improving.plan("Tien " + ten.nameNl(), "Ten " + ten.nameEn(), "Beter", "Better", null, null,
                Set.of(ten.id()));
        // Everyone is decided on before the action is done, so the completion's own round tells nobody more.
        for (int i = 0; i < 10; i++) {
            if (i < 5) {
                toldBack.record(action.id(), tenPeople.get(i), Channel.EMAIL, Instant.now());
            } else if (i < 7) {
                toldBack.record(action.id(), tenPeople.get(i), Channel.PHONE, Instant.now());
            } else {
                toldBackLog.recordUnreachable(action.id(), tenPeople.get(i), Channel.PHONE, "test", Instant.now());
            }
        }
        improving.complete(action.id());
        assertThat(toldBackLog.tally(action.id())).isEqualTo(new ToldBackLog.Tally(5, 2, 3));
        for (String language : List.of("en", "nl")) {
            String actions = mvc.perform(analyst(get("/loop/actions"), language)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            String title = language.equals("en") ? action.titleEn() : action.titleNl();
            Matcher row = Pattern.compile("data-action=\"" + Pattern.quote(title) + "\"(.*?)</tr>", Pattern.DOTALL).matcher(actions);
            assertThat(row.find()).as(actions).isTrue();
            assertThat(row.group(1)).contains(language.equals("en") ? "told: 5 by e-mail, &lt;5 by phone; &lt;5 unreachable"
                    : "verteld: 5 per e-mail, &lt;5 per telefoon; &lt;5 niet bereikbaar");
        }
    }

    @Test
    void thePublicPageNeverShowsACountBelowKWhateverItsOwnMinimum() throws Exception {
        String team = team("publiek");
        Themes.Theme three = theme("drie-publiek");
        Themes.Theme five = theme("vijf-publiek");
        for (PersonKey person : people(3)) {
            tag(open(team, person, TAGGED), three);
        }
        for (PersonKey person : people(5)) {
            tag(open(team, person, TAGGED), five);
        }
        ImprovementAction few = improving.plan("Weinig " + three.nameNl(), "Few " + three.nameEn(), "Iets", "Something", null, null,
                Set.of(three.id()));
        ImprovementAction enough = improving.plan("Genoeg " + five.nameNl(), "Enough " + five.nameEn(), "Iets", "Something", null,
                null, Set.of(five.id()));
        improving.complete(few.id());
        improving.complete(enough.id());
        for (String language : List.of("en", "nl")) {
            String page = mvc.perform(get("/you-said-we-did").header("Accept-Language", language).locale(Locale.forLanguageTag(language)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String fewEntry = entry(page, language.equals("en") ? few.titleEn() : few.titleNl());
            assertThat(fewEntry).contains(language.equals("en") ? "fewer than 5 reports" : "minder dan 5 meldingen")
                    .doesNotContain(">3 ");
            assertThat(entry(page, language.equals("en") ? enough.titleEn() : enough.titleNl())).contains(">5 ")
                    .doesNotContain(language.equals("en") ? "fewer than" : "minder dan");
        }
    }

    private static String entry(String page, String title) {
        int at = page.indexOf(title);
        assertThat(at).as("%s on the public page", title).isNotNegative();
        int end = page.indexOf("</li>", at);
        return page.substring(at, end < 0 ? page.length() : end);
    }

    private MockHttpServletRequestBuilder analyst(MockHttpServletRequestBuilder request, String language) {
        return request.with(user("analist").roles("ANALYST")).locale(Locale.forLanguageTag(language))
                .header("Accept-Language", language);
    }

    private String team(String base) {
        String name = base + "-" + UUID.randomUUID().toString().substring(0, 8);
        teams.save(new Teams.Team(name, null));
        return name;
    }

    private Themes.Theme theme(String base) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        return themes.add(base + " " + suffix, base + " en " + suffix, null);
    }

    /** Complaints of {@code people} people, {@code each} per person, each contacted two hours after opening. */
    private void cases(String team, int people, int each) {
        for (PersonKey person : people(people)) {
            for (int i = 0; i < each; i++) {
                CaseFile c = open(team, person);
                work.callBack(c, "test", CallbackOutcome.REACHED, null, OPENED.plus(Duration.ofHours(2)));
            }
        }
    }

    private CaseFile open(String team, PersonKey person) {
        return open(team, person, OPENED);
    }

    private CaseFile open(String team, PersonKey person, Instant at) {
        return work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, person, null,
                Channel.PHONE, team, null, "Klacht"), "test", at).file();
    }

    private void tag(CaseFile c, Themes.Theme theme) {
        themes.tag(c.id(), theme.id(), "test", nl.buitenin.loop.ThemeTagging.Tagger.USER, TAGGED);
    }

    private static List<PersonKey> people(int count) {
        List<PersonKey> keys = new ArrayList<>();
        Random random = new Random(UUID.randomUUID().getMostSignificantBits());
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        for (int n = 0; n < count; n++) {
            StringBuilder key = new StringBuilder("p_");
            for (int i = 0; i < 26; i++) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            keys.add(new PersonKey(key.toString()));
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(String json, String key) {
        List<Map<String, Object>> rows = JsonPath.read(json, "$[?(@.key == '" + key + "')]");
        assertThat(rows).as("row %s in %s", key, json).hasSize(1);
        return rows.get(0);
    }

    private static boolean hiddenShare(Object value) {
        Map<?, ?> share = (Map<?, ?>) value;
        return Boolean.TRUE.equals(share.get("hidden")) && Integer.valueOf(5).equals(share.get("fewerThan"))
                && share.get("n") == null && share.get("successes") == null && share.get("value") == null
                && share.get("low") == null && share.get("high") == null;
    }

    private static boolean hiddenMedian(Object value) {
        Map<?, ?> median = (Map<?, ?>) value;
        return Boolean.TRUE.equals(median.get("hidden")) && Integer.valueOf(5).equals(median.get("fewerThan"))
                && median.get("n") == null && median.get("value") == null;
    }

    private static String pageRow(String page, String key) {
        Matcher m = Pattern.compile("<tr data-key=\"" + Pattern.quote(key) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("row %s", key).isTrue();
        return m.group(1);
    }

    private static String themeRow(String page, Themes.Theme theme) {
        Matcher m = Pattern.compile("<td>" + Pattern.quote(theme.nameNl()) + "</td>(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("theme %s", theme.nameNl()).isTrue();
        return m.group(1);
    }
}
