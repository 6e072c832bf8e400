package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
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
            assertThat(messages.getMessage(Register.FORMAL.key("toldBack.body"), new Object[] {"Buitenpad", "Kleinere groepen", "link"},
                    Locale.forLanguageTag("nl"))).startsWith("U vertelde ons");

            organisations.update(withRegister(before, Register.INFORMAL));
            publicPage = text("/you-said-we-did", DUTCH);
            assertThat(publicPage).contains("Jij zei, wij deden").contains("na wat je ons vertelde").doesNotContain("na wat u");
            ownPage = text(own, DUTCH);
            assertThat(ownPage).contains("over je bewaart").contains("Je voorkeuren").contains("Hoe wil je benaderd worden?");
            assertThat(FORMAL.matcher(ownPage).results().map(r -> r.group()).toList()).as("formal words on the informal page").isEmpty();
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
