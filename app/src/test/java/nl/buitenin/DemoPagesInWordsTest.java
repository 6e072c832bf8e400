package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.VisibleText;

/**
 * Every page of the demo a person can reach, as each demo account, in Dutch and in English: the start page, every page
 * its menu and tiles link to, and from there the first link of each kind (the first case, survey, journey, person…),
 * three clicks deep. The visible text of none of them holds an id, a message key, a code of the application's enums
 * (REACHED, CALL_AGAIN) or an ISO date; no link a page offers ends in a server error or a refusal. Only an id meant to be
 * copied by an administrator, marked as such, is left out.
 */
@DatabaseTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@TestPropertySource(properties = "buitenin.demo.people=400")
class DemoPagesInWordsTest {

    /** Clicks from the start page; with one link of each kind per page this reaches every list's first item's pages. */
    private static final int DEPTH = 3;
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|p_[a-z2-7]{26}|\\d+");
    /** Not pages: files, machine interfaces, signing out, and links that change the language. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "^/(api|webjars|css|js|img|v3|swagger-ui|actuator|logout|favicon)\\b.*|.*\\.(csv|xlsx|json|png|svg|ico|pdf|txt)$|.*[?&]lang=.*");

    /**
     * An id an administrator copies into an import file or an API call, shown as such ({@code <code class="technical-id">}):
     * a touchpoint's id for the interactions CSV, a widget site's address for its one-time links. Nothing else may show one.
     */
    private static final Pattern TECHNICAL_ID = Pattern.compile("<code class=\"technical-id\"[^>]*>[^<]*</code>");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"beheerder, nl", "beheerder, en", "analist, nl", "analist, en", "medewerker, nl", "medewerker, en",
        "teamleider, nl", "teamleider, en", "planner, nl", "planner, en", "fg, nl", "fg, en"})
    void noPageShowsAnIdAKeyACodeOrAnIsoDate(String account, String language) throws Exception {
        StoredUser who = users.storedByUsername(account).orElseThrow();
        Set<String> problems = new TreeSet<>();
        Set<String> kinds = new HashSet<>();
        Set<String> visited = new LinkedHashSet<>();
        Deque<String[]> toVisit = new ArrayDeque<>();
        toVisit.add(new String[] {"/", "0"});
        kinds.add(kind("/"));
        while (!toVisit.isEmpty()) {
            String[] next = toVisit.poll();
            String path = next[0];
            int depth = Integer.parseInt(next[1]);
            if (!visited.add(path)) {
                continue;
            }
            MockHttpServletResponse response = mvc.perform(get(path).with(user(who)).with(nl.buitenin.testing.PageRequests.inLanguage(language)))
                    .andReturn().getResponse();
            if (response.getStatus() >= 300 && response.getStatus() < 400) {
                continue;
            }
            if (response.getStatus() != 200) {
                problems.add(path + ": status " + response.getStatus());
                continue;
            }
            String type = response.getContentType();
            if (type == null || !type.startsWith("text/html")) {
                continue;
            }
            String html = response.getContentAsString();
            String text = VisibleText.of(TECHNICAL_ID.matcher(html).replaceAll(""));
            VisibleText.problemsInText(text).forEach(p -> problems.add(path + ": " + p));
            VisibleText.codesInText(text).forEach(p -> problems.add(path + ": " + p));
            if (depth < DEPTH) {
                for (String link : links(html)) {
                    // The menu and tiles of the start page in full; further on, the first link of each kind.
                    if (depth == 0 ? kinds.add(link) || true : kinds.add(kind(link))) {
                        toVisit.add(new String[] {link, String.valueOf(depth + 1)});
                    }
                }
            }
        }
        assertThat(visited).as("pages visited").hasSizeGreaterThan(5);
        assertThat(problems).as("as %s in %s, over %d pages", account, language, visited.size()).isEmpty();
    }

    private static List<String> links(String html) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = LINK.matcher(html);
        while (matcher.find()) {
            String link = HtmlUtils.htmlUnescape(matcher.group(1));
            if (!link.startsWith("//") && !NOT_A_PAGE.matcher(link).matches()) {
                found.add(link);
            }
        }
        return List.copyOf(found);
    }

    /** A link with its ids and query values left out: "/cases/{}", "/journeys/{}/map?from=". */
    private static String kind(String link) {
        int query = link.indexOf('?');
        String path = query < 0 ? link : link.substring(0, query);
        StringBuilder kind = new StringBuilder(ID.matcher(path).replaceAll("{}"));
        if (query >= 0) {
            for (String parameter : new TreeSet<>(List.of(link.substring(query + 1).split("&")))) {
                kind.append(kind.indexOf("?") < 0 ? '?' : '&').append(parameter.split("=")[0]);
            }
        }
        return kind.toString();
    }
}
