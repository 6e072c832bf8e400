package nl.buitenin.loop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.journey.Channel;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.platform.StartFigure;
import nl.buitenin.platform.StartPanel;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;
import nl.buitenin.testing.Unique;
import nl.buitenin.testing.VisibleText;

/**
 * At 07:00, in quiet hours until 09:00, an action is done: its told-back messages wait, and the pages say so. The
 * told-back share stays honest (nobody has been told yet) and says beside it that the rest is scheduled for 09:00, in
 * the organisation's time zone and the reader's language, on the start page, the figures page and the actions page;
 * at 09:00 they go out and the note is gone. The clock of the whole application stands at 07:00.
 */
@DatabaseTest
@AutoConfigureMockMvc
class QuietHoursToldBackTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final Instant SEVEN = ZonedDateTime.of(2026, 12, 4, 7, 0, 0, 0, ZONE).toInstant();
    static final Instant NINE = ZonedDateTime.of(2026, 12, 4, 9, 0, 0, 0, ZONE).toInstant();
    static final int PEOPLE = 6;

    @TestConfiguration
    static class SevenInTheMorning {
        @Bean
        @Primary
        Clock sevenInTheMorning() {
            return Clock.fixed(SEVEN, ZONE);
        }
    }

    @Autowired
    StoredContactPolicy contactPolicy;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;
    @Autowired
    CaseWork work;
    @Autowired
    Themes themes;
    @Autowired
    Improving improving;
    @Autowired
    ToldBackMessages toldBackMessages;
    @Autowired
    ToldBackLog toldBackLog;
    @Autowired
    LoopFigures figures;
    @Autowired
    CaseFiles cases;
    @Autowired
    SmallCellRule smallCells;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    MockMvc mvc;

    @Test
    void messagesHeldInQuietHoursAreShownAsScheduledForNineNotAsNotToldBack() throws Exception {
        // Quiet from 21:00 until 09:00, every day.
        contactPolicy.change(PolicyFile.of(new Policy(0.2, Map.of(), 30, 30, 2, 4, LocalTime.of(21, 0), LocalTime.of(9, 0), Set.of(), 3,
                Channel.EMAIL, ZONE)));
        var theme = themes.add(Unique.name("Ontbijt"), "Breakfast", null);
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < PEOPLE; i++) {
            PersonKey person = persons.register("klant-" + UUID.randomUUID(), new ContactDetails("Klant " + i, "klant" + i + "@stil.nl", null));
            consents.give(person, PurposeId.FEEDBACK, "test");
            persons.setPreferences(person, new Preferences(PreferredChannel.EMAIL, "nl", false, false));
            CaseFile opened = work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT, person,
                    null, Channel.PHONE, team, null, "Ontbijt was koud"), "test", SEVEN.minus(2, ChronoUnit.DAYS)).file();
            themes.tag(opened.id(), theme.id(), "test", ThemeTagging.Tagger.USER, SEVEN.minus(2, ChronoUnit.DAYS));
        }
        var action = improving.plan("Warm ontbijt", "Warm breakfast", "Het ontbijt blijft warm tot tien uur.",
                "Breakfast stays warm until ten.", null, null, Set.of(theme.id()));
        EventsHandled handled = EventsHandled.since(registry);
        improving.complete(action.id());
        handled.await();

        assertThat(jdbc.sql("select count(*) from loop_told_back_due where action_id = :a").param("a", action.id().value())
                .query(Long.class).single()).as("every message held until the quiet hours end").isEqualTo(PEOPLE);

        LoopFigures.Row total = total();
        assertThat(total.toldBack().successes()).as("nobody has been told yet").isZero();
        assertThat(total.toldBack().n()).isEqualTo(PEOPLE);
        assertThat(total.scheduled().successes()).as("but all of them are scheduled").isEqualTo(PEOPLE);
        assertThat(total.scheduledFor()).isEqualTo(NINE);

        // The start page's figure: 0 % told back, and 100 % scheduled for 09:00 in the reader's language.
        assertThat(note(Locale.forLanguageTag("nl"))).isEqualTo(new StartPanel.Text("loop.start.toldBack.scheduled", List.of(100L, "09:00")));
        String analyst = "analist-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(page("/", analyst, "nl")).contains("en 100 % gepland voor 09:00");
        assertThat(page("/", analyst, "en")).contains("and 100% scheduled for 09:00");
        assertThat(page("/loop/figures", analyst, "nl")).contains("en 100 % gepland voor 4 december 2026, 09:00 (stille uren)");
        assertThat(page("/loop/figures", analyst, "en")).contains("and 100 % scheduled for December 4, 2026, 09:00 (quiet hours)");
        assertThat(page("/loop/actions", analyst, "nl")).contains(PEOPLE + " gepland voor 4 december 2026, 09:00 (stille uren)");
        assertThat(toldBackLog.tally(action.id())).isEqualTo(new ToldBackLog.Tally(0, 0, 0, PEOPLE, NINE));

        // At 09:00 they go out: told back, nothing scheduled, no note.
        assertThat(toldBackMessages.sendDeferred(NINE)).isEqualTo(PEOPLE);
        LoopFigures.Row after = total();
        assertThat(after.toldBack().successes()).isEqualTo(PEOPLE);
        assertThat(after.scheduled().successes()).isZero();
        assertThat(after.scheduledFor()).isNull();
        assertThat(note(Locale.forLanguageTag("nl"))).isNull();
        assertThat(toldBackLog.tally(action.id())).isEqualTo(new ToldBackLog.Tally(PEOPLE, 0, 0, 0, null));
    }

    private LoopFigures.Row total() {
        LocalDate today = LocalDate.ofInstant(SEVEN, ZONE);
        List<LoopFigures.Row> rows = figures.by(LoopFigures.Dimension.TEAM, today.minusYears(1).atStartOfDay(ZONE).toInstant(),
                today.plusDays(1).atStartOfDay(ZONE).toInstant(), SEVEN);
        return rows.get(rows.size() - 1);
    }

    private StartPanel.Text note(Locale locale) {
        StartFigure told = LoopStartPanels.managerFigures(figures, cases, smallCells, ZONE, SEVEN, locale).get(0);
        return told.note();
    }

    private String page(String path, String analyst, String language) throws Exception {
        return VisibleText.of(mvc.perform(get(path).with(user(analyst).roles("ANALYST")).cookie(new jakarta.servlet.http.Cookie("buitenin-lang", language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
