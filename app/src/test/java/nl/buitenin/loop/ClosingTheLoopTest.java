package nl.buitenin.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.journey.Channel;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseFiles;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.loop.internal.ImprovementAction;
import nl.buitenin.loop.internal.Improving;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.loop.internal.YouSaidWeDid;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.EventsHandled;

/** A theme raised in cases, an action that addresses it, and who is told what changed. */
@DatabaseTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ClosingTheLoopTest {

    @Autowired
    CaseWork work;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    CaseFiles files;
    @Autowired
    Themes themes;
    @Autowired
    Improving improving;
    @Autowired
    ToldBack toldBack;
    @Autowired
    YouSaidWeDid youSaidWeDid;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    ThemeTagging tagging;

    CaseFile caseAbout(ThemeId theme, PersonKey person, String text) {
        CaseFile c = work.open(new CaseWork.Opening(CaseSource.complaint(UUID.randomUUID().toString()), CaseType.COMPLAINT,
                person, null, Channel.PHONE, "Klantenservice", null, text), "test", Instant.now().minusSeconds(3600)).file();
        themes.tag(c.id(), theme, "test", ThemeTagging.Tagger.USER, Instant.now());
        return c;
    }

    Themes.Theme theme() {
        String name = "tempo " + UUID.randomUUID().toString().substring(0, 6);
        return themes.add(name, "pace " + name, null);
    }

    @Test
    void everyoneWhoRaisedTheThemeIsARecipientAndIsToldOnlyOnce() {
        Themes.Theme pace = theme();
        Themes.Theme other = theme();
        PersonKey anna = CasesTest.person();
        PersonKey bram = CasesTest.person();
        PersonKey chris = CasesTest.person();
        caseAbout(pace.id(), anna, "Te snel");
        caseAbout(pace.id(), anna, "Weer te snel");
        caseAbout(pace.id(), bram, "Geen tijd voor het uitzicht");
        caseAbout(pace.id(), null, "Anoniem: te snel");
        caseAbout(other.id(), chris, "Iets anders");
        ImprovementAction action = improving.plan("Groepen splitsen", "Split groups", "Tempo- en genietgroep",
                "Brisk and leisurely group", null, null, Set.of(pace.id()));

        assertThat(toldBack.recipientsOf(action.id())).containsExactlyInAnyOrder(anna, bram);
        assertThat(toldBack.record(action.id(), anna, Channel.EMAIL, Instant.now())).isTrue();
        assertThat(toldBack.record(action.id(), anna, Channel.EMAIL, Instant.now())).isFalse();
        assertThat(toldBack.recipientsOf(action.id())).containsExactly(bram);
    }

    @Test
    void completingAnActionPublishesItOnceAndShowsItOnThePublicPage() throws Exception {
        Themes.Theme booking = theme();
        for (int i = 0; i < 6; i++) {
            caseAbout(booking.id(), CasesTest.person(), "Bevestiging onduidelijk " + i);
        }
        ImprovementAction action = improving.plan("Nieuwe bevestiging " + booking.nameNl(), "New confirmation",
                "Met dagprogramma", "With a day-by-day programme", null, null, Set.of(booking.id()));
        improving.start(action.id());
        improving.complete(action.id());
        assertThatThrownBy(() -> improving.complete(action.id())).isInstanceOf(ConflictException.class);

        List<ActionCompleted> completed = events.stream(ActionCompleted.class).filter(e -> e.actionId().equals(action.id())).toList();
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).themes()).containsExactly(booking.id());
        assertThat(completed.get(0).descriptionEn()).isEqualTo("With a day-by-day programme");

        assertThat(youSaidWeDid.completed(null, null, Locale.ENGLISH))
                .filteredOn(e -> e.id().equals(action.id())).singleElement()
                .satisfies(e -> assertThat(e.raisedBy()).isEqualTo(6L));
        String page = mvc.perform(get("/you-said-we-did").header("Accept-Language", "nl"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nieuwe bevestiging " + booking.nameNl()).contains("Met dagprogramma");
        // No case text and no person key (p_ and 26 base-32 characters; a bare "p_" may occur in the random CSRF token).
        assertThat(page).doesNotContain("Bevestiging onduidelijk").doesNotContainPattern("p_[a-z2-7]{26}");
    }

    @Test
    void anAutomaticSuggestersTagIsKeptApartAndNotDoubled() {
        Themes.Theme route = theme();
        CaseFile c = caseAbout(theme().id(), null, "Bordjes op dag 3 ontbraken");
        assertThat(tagging.tag(c.id(), route.id(), "insight-suggester", ThemeTagging.Tagger.SUGGESTER)).isTrue();
        assertThat(tagging.tag(c.id(), route.id(), "insight-suggester", ThemeTagging.Tagger.SUGGESTER)).isFalse();
        assertThat(themes.tagsOf(c.id())).filteredOn(t -> t.theme().equals(route.id())).singleElement()
                .satisfies(t -> {
                    assertThat(t.kind()).isEqualTo(ThemeTagging.Tagger.SUGGESTER);
                    assertThat(t.taggedBy()).isEqualTo("insight-suggester");
                });
    }

    @Test
    void aSmallCountIsNotShownInPublic() {
        Themes.Theme rare = theme();
        caseAbout(rare.id(), CasesTest.person(), "Eenmalig");
        ImprovementAction action = improving.plan("Zeldzaam " + rare.nameNl(), "Rare", "Iets", "Something", null, null,
                Set.of(rare.id()));
        improving.complete(action.id());
        assertThat(youSaidWeDid.completed(null, null, Locale.ENGLISH))
                .filteredOn(e -> e.id().equals(action.id())).singleElement()
                .satisfies(e -> assertThat(e.raisedBy()).isNull());
    }

    @Test
    void anErasedPersonIsScrubbedFromTextAndNoLongerARecipient() throws Exception {
        Themes.Theme wait = theme();
        PersonKey erased = CasesTest.person();
        CaseFile own = caseAbout(wait.id(), erased, "Jan Jansen (jan@example.org) wachtte 40 minuten");
        CaseFile colleague = caseAbout(wait.id(), CasesTest.person(), "Zijn buurman JAN JANSEN klaagde ook");
        files.byId(own.id()).orElseThrow();
        ImprovementAction action = improving.plan("Extra bezetting " + wait.nameNl(), "More staff", "Meer mensen",
                "More people", null, null, Set.of(wait.id()));
        assertThat(toldBack.recipientsOf(action.id())).contains(erased);

        EventsHandled handled = EventsHandled.since(registry);
        transactions.executeWithoutResult(s -> publisher.publishEvent(
                new PersonErased(erased, List.of("Jan Jansen", "jan@example.org"), Instant.now())));
        handled.await();
        CaseFile scrubbed = files.byId(own.id()).orElseThrow();
        assertThat(scrubbed.person()).isNull();
        assertThat(scrubbed.summary()).isEqualTo("[naam] ([e-mail]) wachtte 40 minuten");
        assertThat(files.byId(colleague.id()).orElseThrow().summary()).isEqualTo("Zijn buurman [naam] klaagde ook");
        assertThat(toldBack.recipientsOf(action.id())).doesNotContain(erased);
        assertThat(themes.tagsOf(own.id())).hasSize(1);
    }
}
