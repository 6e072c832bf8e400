package nl.buitenin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.GroupChoices;
import nl.buitenin.groups.internal.JdbcGroups;
import nl.buitenin.groups.internal.JdbcMemberships;
import nl.buitenin.groups.internal.Membership;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerLinks;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.listening.internal.answers.SurveyFixtures;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.OwnChoices;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonLinks;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.internal.Exports;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.VisibleText;

/**
 * "Bij welke groep wilt u horen?": a person chooses a group of a split on their own page or after a survey's questions;
 * the choice is a membership from that moment with origin CHOSEN, choosing the other group ends the first at that moment,
 * "none" ends it. A split that holds a group by rule is not offered. The pages refuse a wrong, changed or spent link and
 * change nothing then.
 */
@DatabaseTest
@AutoConfigureMockMvc
class GroupChoicesTest {

    static final Cookie DUTCH = new Cookie("buitenin-lang", "nl");

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Persons persons;
    @Autowired
    PersonLinks personLinks;
    @Autowired
    GroupChoices choices;
    @Autowired
    JdbcGroups groups;
    @Autowired
    JdbcMemberships memberships;
    @Autowired
    Exports exports;
    @Autowired
    JdbcSurveys surveys;
    @Autowired
    JdbcResponses responses;
    @Autowired
    AnswerLinks answerLinks;

    GroupsFixture fixture;
    String split;
    Group brisk;
    Group enjoying;

    @BeforeEach
    void groups() throws Exception {
        fixture = GroupsFixture.in(context, mvc);
        split = "tempo " + UUID.randomUUID().toString().substring(0, 8);
        brisk = groups.byId(fixture.group("CHOSEN", split, null)).orElseThrow();
        enjoying = groups.byId(fixture.group("CHOSEN", split, null)).orElseThrow();
    }

    @Test
    void choosingChangingAndLeavingAreMembershipsFromThatMoment() {
        PersonKey person = person();
        OwnChoices.Question question = question(person, Locale.forLanguageTag("nl"));
        assertThat(question.current()).isNull();
        assertThat(question.textKey()).isEqualTo("groups.choose.question");
        assertThat(question.options()).extracting(OwnChoices.Option::name).containsExactlyInAnyOrder(brisk.nameNl(), enjoying.nameNl());
        assertThat(question(person, Locale.ENGLISH).options()).extracting(OwnChoices.Option::name)
                .containsExactlyInAnyOrder(brisk.nameEn(), enjoying.nameEn());

        Instant before = Instant.now();
        choices.choose(person, split, brisk.id().toString());
        List<Membership> held = memberships.of(person);
        assertThat(held).singleElement().satisfies(m -> {
            assertThat(m.group()).isEqualTo(brisk.id());
            assertThat(m.origin()).isEqualTo(Membership.Origin.CHOSEN);
            assertThat(m.to()).isNull();
            assertThat(m.from()).isBetween(before.minusMillis(1), Instant.now());
        });
        assertThat(question(person, Locale.forLanguageTag("nl")).current()).isEqualTo(brisk.id().toString());
        assertThat(choices.offeredTo(person, Locale.forLanguageTag("nl")).belongsTo()).contains(brisk.nameNl());

        // Choosing the same group again changes nothing.
        choices.choose(person, split, brisk.id().toString());
        assertThat(memberships.of(person)).hasSize(1);

        choices.choose(person, split, enjoying.id().toString());
        held = memberships.of(person);
        assertThat(held).hasSize(2);
        Membership first = held.stream().filter(m -> m.group().equals(brisk.id())).findFirst().orElseThrow();
        Membership second = held.stream().filter(m -> m.group().equals(enjoying.id())).findFirst().orElseThrow();
        assertThat(first.to()).as("the first ends where the second begins").isEqualTo(second.from());
        assertThat(second.to()).isNull();
        assertThat(second.origin()).isEqualTo(Membership.Origin.CHOSEN);
        assertThat(memberships.of(person, Instant.now())).containsExactly(enjoying.id());

        choices.choose(person, split, null);
        assertThat(memberships.of(person, Instant.now().plusMillis(1))).isEmpty();
        assertThat(memberships.of(person)).hasSize(2).allSatisfy(m -> assertThat(m.to()).isNotNull());
        assertThat(question(person, Locale.forLanguageTag("nl")).current()).isNull();

        // The export tells how the membership came about, in words.
        assertThat(exports.export(person).toString()).contains("origin=CHOSEN");
    }

    @Test
    void theExportOnTheOwnPageSaysTheGroupWasChosenByThePerson() throws Exception {
        PersonKey person = person();
        choices.choose(person, split, enjoying.id().toString());
        String own = personLinks.linkFor(person).getPath();
        String export = VisibleText.of(mvc.perform(get(own + "/export").cookie(DUTCH)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(export).contains(enjoying.nameNl(), "zelf gekozen");
        String english = VisibleText.of(mvc.perform(get(own + "/export").cookie(new Cookie("buitenin-lang", "en"))).andReturn().getResponse()
                .getContentAsString());
        assertThat(english).contains(enjoying.nameEn(), "chosen yourself");
    }

    @Test
    void aWrongChoiceIsRefusedNamingTheGroupAndASplitWithARuleGroupIsNotOffered() throws Exception {
        PersonKey person = person();
        assertThatThrownBy(() -> choices.choose(person, split, UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("group")));
        assertThatThrownBy(() -> choices.choose(person, "no such split", null)).isInstanceOf(InvalidInputException.class);

        String mixed = "leeftijd " + UUID.randomUUID().toString().substring(0, 8);
        GroupId chosen = fixture.group("CHOSEN", mixed, null);
        fixture.group("RULE", mixed, "age_band = 65+");
        assertThat(choices.offeredTo(person, Locale.ENGLISH).questions()).extracting(OwnChoices.Question::key)
                .contains(split).doesNotContain(mixed);
        assertThatThrownBy(() -> choices.choose(person, mixed, chosen.toString())).isInstanceOf(InvalidInputException.class);
        assertThat(memberships.of(person)).isEmpty();
    }

    @Test
    void theOwnPageShowsTheGroupsAndLetsThePersonChooseAndLeave() throws Exception {
        PersonKey person = person();
        String own = personLinks.linkFor(person).getPath();
        String page = mvc.perform(get(own).cookie(DUTCH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String text = VisibleText.of(page);
        assertThat(text).contains("Bij welke groep wilt u horen?", brisk.nameNl(), enjoying.nameNl(), "U hoort nu bij geen groep.",
                "Uw keuze is een persoonsgegeven. We gebruiken die alleen voor het doel Klantgroepen");
        assertThat(page).contains("href=\"#purpose-customer-groups\"").contains("id=\"purpose-customer-groups\"");
        assertThat(VisibleText.problems(page)).isEmpty();

        mvc.perform(post(own + "/choices").cookie(DUTCH).with(csrf()).param("question", split).param("option", enjoying.id().toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(memberships.of(person, Instant.now())).containsExactly(enjoying.id());
        assertThat(memberships.of(person).get(0).origin()).isEqualTo(Membership.Origin.CHOSEN);
        text = VisibleText.of(mvc.perform(get(own).cookie(DUTCH)).andReturn().getResponse().getContentAsString());
        assertThat(text).contains("U hoort nu bij: " + enjoying.nameNl());

        // A choice that is not offered is refused in words and changes nothing.
        mvc.perform(post(own + "/choices").cookie(DUTCH).with(csrf()).param("question", split).param("option", UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(memberships.of(person, Instant.now())).containsExactly(enjoying.id());

        mvc.perform(post(own + "/choices").cookie(DUTCH).with(csrf()).param("question", split).param("option", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(memberships.of(person, Instant.now().plusMillis(1))).isEmpty();

        // A changed link is refused and changes nothing.
        String changed = own.substring(0, own.length() - 3) + (own.endsWith("AAA") ? "BBB" : "AAA");
        mvc.perform(post(changed + "/choices").cookie(DUTCH).with(csrf()).param("question", split).param("option", brisk.id().toString()))
                .andExpect(status().isNotFound());
        mvc.perform(get(changed).cookie(DUTCH)).andExpect(status().isNotFound());
        assertThat(memberships.of(person, Instant.now().plusMillis(1))).isEmpty();
    }

    @Test
    void theAnswerPageOffersTheChoiceAfterTheQuestionsAndASpentLinkChangesNothing() throws Exception {
        PersonKey person = person();
        String token = invitation(person);
        String page = mvc.perform(get("/a/" + token).cookie(DUTCH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String text = VisibleText.of(page);
        assertThat(text).contains("Bij welke groep wilt u horen?", "(niet verplicht)", brisk.nameNl(), enjoying.nameNl(),
                "we gebruiken die alleen voor het doel ‘Klantgroepen’", "Wat dat doel betekent, op uw eigen pagina");
        assertThat(text.indexOf("Wat kunnen we beter doen?")).as("after the questions").isLessThan(text.indexOf("Bij welke groep"));
        assertThat(page).contains("/mijn-gegevens/").contains("#purpose-customer-groups");
        assertThat(VisibleText.problems(page)).isEmpty();

        // A group the page did not offer is refused in words; nothing is sent and the link still works.
        String refused = VisibleText.of(mvc.perform(post("/a/" + token).cookie(DUTCH).with(csrf()).param("action", "send").param("q.nps", "9")
                .param("choice." + split, UUID.randomUUID().toString())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused).contains("Die groep is hier niet (meer) te kiezen. Kies opnieuw na de vragen; uw antwoorden zijn nog niet verstuurd.");
        assertThat(answerLinks.check(token).valid()).isTrue();
        assertThat(responses.byId(AnswerLinks.responseOf(answerLinks.check(token))).orElseThrow().isCompleted()).isFalse();
        assertThat(memberships.of(person)).isEmpty();

        // Saving halfway keeps the choice on the page but records nothing yet.
        String saved = mvc.perform(post("/a/" + token).cookie(DUTCH).with(csrf()).param("action", "save")
                .param("choice." + split, brisk.id().toString())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(saved).containsPattern("value=\"" + brisk.id() + "\"\\s+checked");
        assertThat(memberships.of(person)).isEmpty();

        mvc.perform(post("/a/" + token).cookie(DUTCH).with(csrf()).param("action", "send").param("q.nps", "9")
                .param("choice." + split, brisk.id().toString())).andExpect(status().isOk());
        assertThat(memberships.of(person)).singleElement().satisfies(m -> {
            assertThat(m.group()).isEqualTo(brisk.id());
            assertThat(m.origin()).isEqualTo(Membership.Origin.CHOSEN);
        });

        // The link is spent: sending again is refused and the choice stays.
        mvc.perform(post("/a/" + token).cookie(DUTCH).with(csrf()).param("action", "send").param("q.nps", "9")
                .param("choice." + split, enjoying.id().toString())).andExpect(status().isGone());
        mvc.perform(post("/a/" + token.substring(0, token.length() - 2) + "xy").cookie(DUTCH).with(csrf()).param("action", "send")
                .param("q.nps", "9").param("choice." + split, enjoying.id().toString())).andExpect(status().isNotFound());
        assertThat(memberships.of(person, Instant.now())).containsExactly(brisk.id());
    }

    @Test
    void answeringWithoutChoosingChangesNoMembership() throws Exception {
        PersonKey person = person();
        choices.choose(person, split, enjoying.id().toString());
        String token = invitation(person);
        String page = mvc.perform(get("/a/" + token).cookie(DUTCH)).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("value=\"" + enjoying.id() + "\"\\s+checked");
        mvc.perform(post("/a/" + token).cookie(DUTCH).with(csrf()).param("action", "send").param("q.nps", "7")).andExpect(status().isOk());
        assertThat(memberships.of(person)).singleElement().satisfies(m -> assertThat(m.to()).isNull());
    }

    private OwnChoices.Question question(PersonKey person, Locale locale) {
        return choices.offeredTo(person, locale).questions().stream().filter(q -> q.key().equals(split)).findFirst().orElseThrow();
    }

    private PersonKey person() {
        return persons.register("choice-" + UUID.randomUUID().toString().substring(0, 8), new ContactDetails("Noor", "noor@example.org", null));
    }

    private String invitation(PersonKey person) {
        Survey survey = Survey.draft(SurveyFixtures.tripEvaluation(), Instant.now());
        survey.publish(Instant.now());
        surveys.add(survey);
        Instant expires = Instant.now().plus(14, ChronoUnit.DAYS);
        UUID response = responses.create(survey.id(), new TouchpointId(UUID.randomUUID()), person, "test:" + UUID.randomUUID(),
                ResponseChannel.EMAIL, "nl", ResponseStatus.INVITED, Instant.now(), expires).orElseThrow();
        return answerLinks.tokenFor(response, expires);
    }
}
