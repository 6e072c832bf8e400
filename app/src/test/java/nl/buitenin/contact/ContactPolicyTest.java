package nl.buitenin.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.contact.internal.JdbcContactStore;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;

@DatabaseTest
@AutoConfigureMockMvc
class ContactPolicyTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final Instant TUESDAY_AFTERNOON = ZonedDateTime.of(2025, 10, 14, 14, 0, 0, 0, AMSTERDAM).toInstant();

    @Autowired
    ContactPolicy policy;
    @Autowired
    JdbcContactStore store;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;

    StoredUser analyst;

    @BeforeEach
    void analystAndAskEveryone() throws Exception {
        if (users.byUsername("carla").isEmpty()) {
            users.create(new NewUser("carla", "Carla CX", "a long enough password", Set.of(Role.ANALYST), null, "nl", false));
        }
        analyst = users.storedByUsername("carla").orElseThrow();
        mvc.perform(put("/api/v1/contact/policy").with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sampleShare\":1.0}")).andExpect(status().isOk());
    }

    static PersonKey newPerson() {
        String digits = UUID.randomUUID().toString().replaceAll("[^a-f]", "").replaceAll("[^a-z]", "");
        return new PersonKey("p_" + (digits + "a".repeat(26)).substring(0, 26));
    }

    @Test
    void anInvitationThatWasSentBlocksTheNextOneAndBothDecisionsAreStored() {
        PersonKey person = newPerson();
        TouchpointId phone = new TouchpointId(UUID.randomUUID());
        ContactDecision first = policy.mayInvite(person, phone, TUESDAY_AFTERNOON, PersonFacts.consentedWithoutHistory());
        assertThat(first.allowed()).isTrue();
        policy.recordAttempt(person, phone, ContactKind.INVITATION, Channel.EMAIL, TUESDAY_AFTERNOON);

        ContactDecision second = policy.mayInvite(person, new TouchpointId(UUID.randomUUID()), TUESDAY_AFTERNOON.plusSeconds(86_400),
                PersonFacts.consentedWithoutHistory());
        assertThat(second.allowed()).isFalse();
        assertThat(second.reasons()).extracting(Reason::code).containsExactly(ReasonCode.RECONTACT_WINDOW);

        assertThat(store.decisionsOf(person)).hasSize(2)
                .anySatisfy(d -> assertThat(d.reasons()).containsExactly(ReasonCode.RECONTACT_WINDOW))
                .anySatisfy(d -> assertThat(d.allowed()).isTrue());
    }

    @Test
    void aReminderIsRefusedUnlessAskedForAndCountsAgainstTheCapOnceSent() {
        PersonKey person = newPerson();
        TouchpointId booking = new TouchpointId(UUID.randomUUID());
        policy.recordAttempt(person, booking, ContactKind.INVITATION, Channel.EMAIL, TUESDAY_AFTERNOON);
        assertThat(policy.mayRemind(person, booking, TUESDAY_AFTERNOON.plusSeconds(3 * 86_400), PersonFacts.consentedWithoutHistory())
                .deniedFor(ReasonCode.REMINDER_NOT_WANTED)).isTrue();
        PersonFacts wantsReminders = PersonFacts.consentedWithoutHistory().withRemindersWanted(true);
        assertThat(policy.mayRemind(person, booking, TUESDAY_AFTERNOON.plusSeconds(3 * 86_400), wantsReminders).allowed()).isTrue();
        policy.recordAttempt(person, booking, ContactKind.REMINDER, Channel.EMAIL, TUESDAY_AFTERNOON.plusSeconds(3 * 86_400));
        ContactDecision december = policy.mayInvite(person, booking, ZonedDateTime.of(2025, 12, 2, 11, 0, 0, 0, AMSTERDAM).toInstant(),
                wantsReminders);
        assertThat(december.reasons()).extracting(Reason::code).containsExactly(ReasonCode.QUARTER_CAP);
    }

    @Test
    void thePolicyIsStoredAndInvalidSettingsNameTheirFields() throws Exception {
        mvc.perform(put("/api/v1/contact/policy").with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sampleShare\":1.5,\"capPerQuarter\":5,\"capPerYear\":3,\"quietFrom\":\"25:00\",\"quietDays\":[\"FUNDAY\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'sampleShare')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'capPerYear')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'quietFrom')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'quietDays')]").exists());
        mvc.perform(put("/api/v1/contact/policy").with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sampleShare\":0.25,\"recontactDays\":45,\"quietDays\":[\"SATURDAY\",\"SUNDAY\"]}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/contact/policy").with(user(analyst)))
                .andExpect(jsonPath("$.sampleShare").value(0.25)).andExpect(jsonPath("$.recontactDays").value(45))
                .andExpect(jsonPath("$.capPerQuarter").value(2)).andExpect(jsonPath("$.quietDays[0]").value("SATURDAY"));
    }

    @Test
    void theSettingsPageSavesAFormAndListsDecisions() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/contact/policy").with(user(analyst)).with(csrf())
                        .param("samplePercent", "100").param("samplingPeriodDays", "30").param("recontactDays", "14")
                        .param("capPerQuarter", "3").param("capPerYear", "6").param("quietFrom", "21:00").param("quietUntil", "08:00")
                        .param("quietDays", "SUNDAY").param("operationalContactDays", "2").param("invitationChannel", "EMAIL"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/contact/policy").with(user(analyst))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("value=\"14\"").contains("value=\"21:00\"");
    }

    @Test
    void aTouchpointKeepsItsOwnPercentageAndABadOneIsNamed() throws Exception {
        String touchpoint = UUID.randomUUID().toString();
        var form = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/contact/policy").with(user(analyst)).with(csrf())
                .param("samplePercent", "20").param("samplingPeriodDays", "30").param("recontactDays", "30")
                .param("capPerQuarter", "2").param("capPerYear", "4").param("quietFrom", "20:00").param("quietUntil", "09:00")
                .param("operationalContactDays", "3").param("invitationChannel", "EMAIL");
        mvc.perform(form.param("touchpointShares[" + touchpoint + "]", "50")).andExpect(status().is3xxRedirection());
        assertThat(policy.mayInvite(newPerson(), TouchpointId.of(touchpoint), TUESDAY_AFTERNOON, PersonFacts.consentedWithoutHistory()))
                .isNotNull();
        mvc.perform(get("/api/v1/contact/policy").with(user(analyst)))
                .andExpect(jsonPath("$.touchpointShares['" + touchpoint + "']").value(0.5));
        String page = mvc.perform(get("/contact/policy").with(user(analyst))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        // Not on any journey, so listed by id, with its percentage.
        assertThat(page).contains("name=\"touchpointShares[" + touchpoint + "]\"").contains("value=\"50\"");

        String refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/contact/policy")
                        .with(user(analyst)).with(csrf()).param("samplePercent", "20").param("samplingPeriodDays", "30")
                        .param("recontactDays", "30").param("capPerQuarter", "2").param("capPerYear", "4").param("quietFrom", "20:00")
                        .param("quietUntil", "09:00").param("operationalContactDays", "3").param("invitationChannel", "EMAIL")
                        .param("touchpointShares[" + touchpoint + "]", "veel"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("touchpointShares[" + touchpoint + "]").contains("veel");
    }
}
