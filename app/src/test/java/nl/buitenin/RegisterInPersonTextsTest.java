package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.organisation.Organisation;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.organisation.Register;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonLinks;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.VisibleText;

/**
 * The organisation chooses "u" or "je" once, and the Dutch texts a person reads follow it outside listening too: the
 * public "you said, we did" page (its title no longer says "Jij" above "u"), the person's own privacy page and its
 * problem page, the quarterly report and the told-back mail and call script. English has one form in both.
 */
@DatabaseTest
@AutoConfigureMockMvc
class RegisterInPersonTextsTest {

    private static final Cookie DUTCH = new Cookie("buitenin-lang", "nl");
    private static final Cookie ENGLISH = new Cookie("buitenin-lang", "en");
    /** Formal pronouns as words: "u", "uw", "U" (not inside "uit" or "route"). */
    private static final Pattern FORMAL = Pattern.compile("(?<![\\p{L}])([Uu]w?)(?![\\p{L}])");
    private static final Pattern INFORMAL = Pattern.compile("(?<![\\p{L}])([Jj]e|[Jj]ij|[Jj]ouw)(?![\\p{L}])");

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    Persons persons;
    @Autowired
    PersonLinks links;
    @Autowired
    MessageSource messages;

    @Test
    void personFacingPagesAndMessagesFollowTheRegister() throws Exception {
        PersonKey person = persons.register("register-" + UUID.randomUUID(), new ContactDetails("Noor", "noor@example.org", null));
        String own = links.linkFor(person).getPath();
        Organisation before = organisations.current();
        try {
            organisations.update(withRegister(before, Register.FORMAL));
            String publicPage = text("/you-said-we-did", DUTCH);
            assertThat(publicPage).contains("U zei, wij deden").contains("na wat u ons vertelde").doesNotContain("Jij zei");
            String ownPage = text(own, DUTCH);
            assertThat(ownPage).contains("over u bewaart").contains("Uw voorkeuren").contains("Hoe wilt u benaderd worden?");
            assertThat(INFORMAL.matcher(ownPage).results().map(r -> r.group()).toList()).as("informal words on the formal page").isEmpty();
            String export = text(own + "/export", DUTCH);
            assertThat(export).contains("Over u en uw keuzes").contains("Uw voorkeuren").contains("Wie uw gegevens las");
            assertThat(INFORMAL.matcher(export).results().map(r -> r.group()).toList()).as("informal words in the formal export").isEmpty();
            assertThat(messages.getMessage(Register.FORMAL.key("toldBack.body"), new Object[] {"Buitenpad", "Kleinere groepen", "link"},
                    Locale.forLanguageTag("nl"))).startsWith("U vertelde ons");

            organisations.update(withRegister(before, Register.INFORMAL));
            publicPage = text("/you-said-we-did", DUTCH);
            assertThat(publicPage).contains("Jij zei, wij deden").contains("na wat je ons vertelde").doesNotContain("na wat u");
            ownPage = text(own, DUTCH);
            assertThat(ownPage).contains("over je bewaart").contains("Je voorkeuren").contains("Hoe wil je benaderd worden?");
            assertThat(FORMAL.matcher(ownPage).results().map(r -> r.group()).toList()).as("formal words on the informal page").isEmpty();
            export = text(own + "/export", DUTCH);
            assertThat(export).contains("Over jou en je keuzes").contains("Je voorkeuren").contains("Wie je gegevens las");
            assertThat(FORMAL.matcher(export).results().map(r -> r.group()).toList()).as("formal words in the informal export").isEmpty();
            String problem = text(own.substring(0, own.length() - 3) + "xyz", DUTCH);
            assertThat(FORMAL.matcher(problem).results().map(r -> r.group()).toList()).as("formal words on the problem page").isEmpty();
            String report = text("/loop/report", DUTCH, "ANALYST");
            assertThat(report).contains("Jij zei, wij deden");
            for (String key : new String[] {"toldBack.subject", "toldBack.body", "loop.tellBack.script"}) {
                String informal = messages.getMessage(Register.INFORMAL.key(key), new Object[] {"Buitenpad", "Kleinere groepen", "link"},
                        Locale.forLanguageTag("nl"));
                assertThat(FORMAL.matcher(informal).results().map(r -> r.group()).toList()).as(key).isEmpty();
                assertThat(INFORMAL.matcher(informal).find()).as(key).isTrue();
            }
            // English has one form, whatever the register.
            assertThat(text("/you-said-we-did", ENGLISH)).contains("You said, we did");
            assertThat(text(own, ENGLISH)).contains("Your preferences");
        } finally {
            organisations.update(before);
        }
    }

    /**
     * Every Dutch text a person reads (their export's headings and terms, their own pages, invitations, reminders, told-back
     * mails, the answer pages and the public page) that addresses them has an informal twin, and neither of the two
     * mixes the registers: no "je" in the formal text, no "u" in the informal one.
     */
    @Test
    void everyTextAPersonReadsHasATwinInTheOtherRegisterAndNeitherMixesThem() throws Exception {
        Properties dutch = new Properties();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_nl.properties")) {
            try (var reader = new java.io.InputStreamReader(bundle.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
                dutch.load(reader);
            }
        }
        Pattern read = Pattern.compile("^(export\\.|privacy\\.export\\.group\\.|privacy\\.own|privacy\\.consent\\.|privacy\\.forget\\.|"
                + "invitation\\.|reminder\\.|toldBack\\.|answer\\.|loop\\.public\\.|widget\\.(lead|refused)|assessment\\.public\\.)");
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(dutch.stringPropertyNames())) {
            String text = dutch.getProperty(key);
            if (key.endsWith(".je")) {
                FORMAL.matcher(text).results().forEach(r -> problems.add(key + ": formal '" + r.group() + "' in an informal text"));
            } else if (dutch.containsKey(key + ".je")) {
                INFORMAL.matcher(text).results().forEach(r -> problems.add(key + ": informal '" + r.group() + "' in a formal text"));
            } else if (read.matcher(key).find() && (FORMAL.matcher(text).find() || INFORMAL.matcher(text).find())) {
                problems.add(key + ": addresses the person but has no informal twin " + key + ".je");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Organisation withRegister(Organisation o, Register register) {
        return new Organisation(o.name(), o.personWord(), o.defaultLanguage(), o.timeZone(), register);
    }

    private String text(String path, Cookie language, String... roles) throws Exception {
        var request = get(path).cookie(language);
        if (roles.length > 0) {
            request = request.with(user("reader").roles(roles));
        }
        return VisibleText.of(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }
}
