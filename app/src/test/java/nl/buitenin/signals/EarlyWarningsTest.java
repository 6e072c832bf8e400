package nl.buitenin.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;
import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.loop.internal.Teams;
import nl.buitenin.privacy.StaffDataSource;
import nl.buitenin.signals.internal.listenin.ListenInKind;
import nl.buitenin.signals.internal.listenin.ListenInLog;
import nl.buitenin.signals.internal.warnings.DigestSubscriptions;
import nl.buitenin.signals.internal.warnings.EarlyWarnings;
import nl.buitenin.signals.internal.warnings.Warning;
import nl.buitenin.signals.internal.warnings.WarningKind;
import nl.buitenin.signals.internal.warnings.WarningThresholds;
import nl.buitenin.signals.internal.warnings.WeeklyDigest;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * The listen-in log, the early warnings computed from it, the thresholds, the weekly digest (through a real SMTP server)
 * and who may do what. One test builds the listen-in history and reads its warning, so the months stay the test's own.
 */
@DatabaseTest
@AutoConfigureMockMvc
class EarlyWarningsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("buitenin.mail.poll", () -> "PT0.2S");
    }

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    nl.buitenin.signals.internal.missed.JdbcMissedSales missedSales;
    @Autowired
    nl.buitenin.signals.internal.warnings.MissedSalesCounts missedCounts;
    @Autowired
    Teams teams;
    @Autowired
    ListenInLog log;
    @Autowired
    EarlyWarnings warnings;
    @Autowired
    WarningThresholds thresholds;
    @Autowired
    DigestSubscriptions subscriptions;
    @Autowired
    WeeklyDigest digest;
    @Autowired
    List<StaffDataSource> staffData;
    @Autowired
    JdbcClient jdbc;

    @Test
    void managersHoursThatFallInTheLastMonthRaiseTheWarningUntilTheThresholdIsAboveTheFall() {
        YearMonth tested = YearMonth.from(log.today()).minusMonths(1);
        // Two managers, 20 hours a month each for six months, then 5 each: hours per manager fall by 75 %.
        for (int back = 6; back >= 1; back--) {
            LocalDate day = tested.minusMonths(back).atDay(10);
            log.insert("lead-a", "Klantenservice", day, ListenInKind.SHADOW_DAY, 12, null, Instant.now());
            log.insert("lead-a", "Klantenservice", day.plusDays(3), ListenInKind.LISTENING_IN, 8, null, Instant.now());
            log.insert("lead-b", "Reizen", day, ListenInKind.CUSTOMER_VISIT, 20, null, Instant.now());
        }
        log.insert("lead-a", "Klantenservice", tested.atDay(5), ListenInKind.LISTENING_IN, 5, null, Instant.now());
        log.insert("lead-b", "Reizen", tested.atDay(6), ListenInKind.LISTENING_IN, 5, null, Instant.now());

        Warning listenIn = listenIn();
        assertThat(listenIn.state()).isEqualTo("ACTIVE");
        assertThat(listenIn.series()).hasSize(7);
        assertThat(listenIn.result().recent()).isEqualTo(5.0);
        assertThat(listenIn.result().baseline()).isEqualTo(20.0);
        assertThat(listenIn.result().n()).isEqualTo(250);

        thresholds.set(WarningKind.LISTEN_IN, 80);
        assertThat(listenIn().state()).as("a 75 %% fall under an 80 %% threshold").isEqualTo("QUIET");
        thresholds.set(WarningKind.LISTEN_IN, WarningKind.LISTEN_IN.defaultThreshold());
        assertThat(listenIn().state()).isEqualTo("ACTIVE");
    }

    private Warning listenIn() {
        return warnings.now().stream().filter(w -> w.kind() == WarningKind.LISTEN_IN).findFirst().orElseThrow();
    }

    @Test
    void theMissedSalesLogFeedsItsWarningPerMonthInTheOrganisationsTimeZone() {
        // Months long past, so that other tests' missed sales (logged now) cannot be among them. 23:30 UTC on the last day
        // of January is already February in Amsterdam.
        String run = java.util.UUID.randomUUID().toString();
        add(run + "-1", "2019-01-15T10:00:00Z");
        add(run + "-2", "2019-01-31T23:30:00Z");
        add(run + "-3", "2019-02-10T09:00:00Z");
        add(run + "-4", "2019-03-31T21:59:00Z");
        add(run + "-4", "2019-03-31T21:59:00Z");
        java.util.Map<YearMonth, Long> counts = missedCounts.perMonth(YearMonth.of(2019, 1), YearMonth.of(2019, 3));
        assertThat(counts).containsEntry(YearMonth.of(2019, 1), 1L).containsEntry(YearMonth.of(2019, 2), 2L)
                .containsEntry(YearMonth.of(2019, 3), 1L).hasSize(3);
        Warning missed = warnings.now().stream().filter(w -> w.kind() == WarningKind.MISSED_SALES).findFirst().orElseThrow();
        assertThat(missed.available()).as("the warning has the log to read").isTrue();
    }

    private void add(String source, String at) {
        missedSales.add(new nl.buitenin.signals.internal.missed.MissedSale(source, "Cuba", nl.buitenin.journey.Channel.PHONE, null,
                nl.buitenin.signals.internal.missed.MissedReason.NOT_IN_RANGE, null, null, Instant.parse(at), null), Instant.now());
    }

    @Test
    void aTeamLeadRecordsListenInsAndWrongInputIsNamedInTheReadersLanguage() throws Exception {
        StoredUser lead = lead();
        mvc.perform(post("/api/v1/listen-ins").with(user(lead)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\":\"" + log.today() + "\",\"kind\":\"customer_visit\",\"hours\":\"3,5\",\"note\":\"Bij de balie\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.hours").value(3.5)).andExpect(jsonPath("$.kind").value("customer_visit"));
        mvc.perform(post("/api/v1/listen-ins").with(user(lead)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "nl")
                        .content("{\"day\":\"" + log.today().plusDays(2) + "\",\"kind\":\"picknick\",\"hours\":\"30\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'day')].message").value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("in de toekomst"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'hours')].message").value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("hoogstens 24"))));
        mvc.perform(get("/api/v1/listen-ins").with(user(lead))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].note").value("Bij de balie"));

        String page = mvc.perform(post("/listen-in").with(user(lead)).with(csrf()).locale(DUTCH)
                        .param("day", log.today().toString()).param("kind", "shadow_day").param("hours", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(page)).contains("Het aantal uren 0 moet meer dan 0 en hoogstens 24 zijn");
        mvc.perform(post("/listen-in").with(user(lead)).with(csrf()).locale(DUTCH)
                        .param("day", log.today().toString()).param("kind", "shadow_day").param("hours", "6"))
                .andExpect(status().is3xxRedirection());
        String mine = mvc.perform(get("/listen-in").with(user(lead)).locale(DUTCH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(mine)).contains("Meeloopdag").contains("Klantbezoek").contains("3,5");
        assertThat(VisibleText.codesInText(VisibleText.of(mine))).isEmpty();
        assertThat(VisibleText.problems(mine)).isEmpty();
    }

    @Test
    void anAgentWhoLeadsNoTeamIsNoManagerAndOtherRolesAreRefused() throws Exception {
        StoredUser agent = staff(Role.AGENT, null);
        mvc.perform(post("/api/v1/listen-ins").with(user(agent)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\":\"" + log.today() + "\",\"kind\":\"shadow_day\",\"hours\":\"2\"}"))
                .andExpect(status().isForbidden());
        String page = mvc.perform(get("/listen-in").with(user(agent)).locale(DUTCH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(page)).contains("Deze pagina is voor teamleiders en beheerders.").doesNotContain("Opslaan");
        mvc.perform(get("/warnings").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/warnings").with(user(agent))).andExpect(status().isForbidden());

        StoredUser analyst = staff(Role.ANALYST, null);
        mvc.perform(get("/api/v1/listen-ins").with(user(analyst))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/warnings").with(user(analyst))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(WarningKind.values().length))
                .andExpect(jsonPath("$[?(@.kind == 'listen-in')].threshold").exists());
        mvc.perform(post("/warnings/thresholds").with(user(analyst)).with(csrf()).param("threshold.listen-in", "30"))
                .andExpect(status().isForbidden());
        StoredUser privacy = staff(Role.PRIVACY_OFFICER, null);
        mvc.perform(get("/warnings").with(user(privacy))).andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorSetsThresholdsAndAWrongOneIsNamed() throws Exception {
        StoredUser admin = staff(Role.ADMIN, null);
        String page = mvc.perform(post("/warnings/thresholds").with(user(admin)).with(csrf()).locale(DUTCH)
                        .param("threshold.within-sla", "0").param("threshold.told-back", "veel"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(page)).contains("threshold.within-sla").contains("Een drempel ligt tussen 1 en 500 procent")
                .contains("De drempel veel is geen heel getal");
        mvc.perform(post("/warnings/thresholds").with(user(admin)).with(csrf()).param("threshold.failure-demand", "35"))
                .andExpect(status().is3xxRedirection());
        assertThat(thresholds.all().get(WarningKind.FAILURE_DEMAND)).isEqualTo(35);
        String warningsPage = mvc.perform(get("/warnings").with(user(admin)).locale(DUTCH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(warningsPage)).contains("Vroege waarschuwingen").contains("Meer faalvraag").contains("Drempels");
        assertThat(VisibleText.problems(warningsPage)).isEmpty();
        assertThat(VisibleText.codesInText(VisibleText.of(warningsPage))).isEmpty();
    }

    @Test
    void theDigestHoldsOnlyTheChosenWarningsGoesOnceAWeekAndItsLinkUnsubscribes() throws Exception {
        StoredUser analyst = staff(Role.ANALYST, "en");
        String address = analyst.username() + "@buitenpad.example";
        mvc.perform(post("/warnings/digest").with(user(analyst)).with(csrf()).locale(DUTCH).param("email", "geen adres")
                        .param("warnings", "listen-in"))
                .andExpect(status().isOk());
        assertThat(subscriptions.of(analyst.id())).isEmpty();
        mvc.perform(post("/warnings/digest").with(user(analyst)).with(csrf()).param("email", address)
                        .param("warnings", "listen-in", "told-back"))
                .andExpect(status().is3xxRedirection());

        digest.sendDue();
        digest.sendDue();
        assertThat(jdbc.sql("select count(*) from outbox_message where reference like :r").param("r", "signals-digest:" + analyst.id() + ":%")
                .query(Long.class).single()).as("queued once in the week").isEqualTo(1);
        assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains(address)).findFirst().orElseThrow();
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        assertThat(mail.getSubject()).startsWith("Early warnings, week ");
        assertThat(body).contains("Dear " + analyst.displayName()).contains("Less time of managers with customers")
                .contains("Fewer people told back").doesNotContain("More failure demand").doesNotContain("Lower response rate")
                .doesNotContain("Theme rising fast").contains("/warnings/digest/unsubscribe?token=");

        Matcher link = Pattern.compile("/warnings/digest/unsubscribe\\?token=([A-Za-z0-9_.-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        String ask = mvc.perform(get("/warnings/digest/unsubscribe").param("token", token).locale(DUTCH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(ask)).contains("Wilt u de wekelijkse samenvatting");
        assertThat(subscriptions.of(analyst.id())).as("following the link alone unsubscribes nobody").isPresent();
        mvc.perform(post("/warnings/digest/unsubscribe").with(csrf()).param("token", token)).andExpect(status().isOk());
        assertThat(subscriptions.of(analyst.id())).isEmpty();
        String tampered = mvc.perform(get("/warnings/digest/unsubscribe").param("token", token.substring(0, token.length() - 2) + "xx")
                        .locale(DUTCH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(VisibleText.of(tampered)).contains("Deze link werkt niet");
    }

    private static jakarta.mail.Address[] recipients(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aManagersEntriesAreExportedAndErasedAsStaffData() {
        String ref = Unique.name("lead");
        log.insert(ref, "Reizen", log.today().minusDays(3), ListenInKind.CUSTOMER_VISIT, 4, "Bezoek bij de reisbalie", Instant.now());
        StaffDataSource source = staffData.stream().filter(s -> s.section().equals("listenIns")).findFirst().orElseThrow();
        assertThat(source.export(ref)).singleElement().satisfies(item -> {
            assertThat(item.team()).isEqualTo("Reizen");
            assertThat(item.where().nl()).startsWith("Klantbezoek op ").endsWith(", 4 uur: Bezoek bij de reisbalie");
            assertThat(item.where().en()).startsWith("Customer visit on ").endsWith(", 4 hours: Bezoek bij de reisbalie");
        });
        assertThat(source.erase(ref)).isEqualTo(1);
        assertThat(source.export(ref)).isEmpty();
        assertThat(jdbc.sql("select count(*) from signals_listen_in where staff_ref is null and note is null and team = 'Reizen' and hours = 4")
                .query(Long.class).single()).as("the hours and team stay for the organisation's figures").isGreaterThanOrEqualTo(1);
    }

    private StoredUser lead() {
        StoredUser lead = staff(Role.AGENT, null);
        String team = Unique.name("Team");
        jdbc.sql("update app_user set team = :t where username = :u").param("t", team).param("u", lead.username()).update();
        teams.save(new Teams.Team(team, lead.id().value()));
        return users.storedByUsername(lead.username()).orElseThrow();
    }

    private StoredUser staff(Role role, String language) {
        String name = Unique.name("warn").replace(' ', '-');
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, language == null ? "nl" : language, false));
        return users.storedByUsername(name).orElseThrow();
    }
}
