package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.loop.internal.CaseFiles;
import nl.buitenin.privacy.EveryModuleFixture.Someone;
import nl.buitenin.privacy.internal.Erasure;
import nl.buitenin.testing.DatabaseTest;

/**
 * A person with data in every module, whose name, e-mail address and phone number (in six notations) are in the
 * complaint, the case note, the call-back note, the call note of a tell-back task and their comment, is forgotten:
 * afterwards a scan of every column of every table finds none of their identifiers and not their key, on H2 and on
 * PostgreSQL; their scores and the case remain, anonymous, with the rest of the text.
 */
@DatabaseTest
@AutoConfigureMockMvc
class ErasureAcrossModulesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Erasure erasure;
    @Autowired
    JdbcResponses responses;
    @Autowired
    CaseFiles cases;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void leavesNothingOfThePersonInAnyModule() throws Exception {
        EveryModuleFixture fixture = EveryModuleFixture.in(context);
        Someone someone = fixture.create(mvc);
        Someone bystander = fixture.create(mvc, "Bram");
        DatabaseScan scan = new DatabaseScan(jdbc);
        List<DatabaseScan.Hit> before = scan.find(someone.identifiers());
        assertThat(before).as("the person is in several modules before")
                .extracting(DatabaseScan.Hit::table).contains("loop_case", "loop_case_note", "loop_callback", "listening_answer",
                        "loop_tell_back_task", "interaction", "contact_decision", "outbox_message", "textinsight_note");
        assertThat(before).as("each phone notation is in the text before").extracting(DatabaseScan.Hit::identifier)
                .containsAll(someone.phoneNotations());

        assertThat(erasure.erase(someone.key(), "test")).isTrue();
        fixture.awaitEventsHandled();

        assertThat(scan.find(someone.identifiers())).isEmpty();
        assertThat(cases.byId(someone.complaint()).orElseThrow().summary()).as("the case stays, scrubbed")
                .isEqualTo("Klacht van [naam] ([telefoon]), mail [e-mail]");
        assertThat(cases.notes(someone.complaint())).singleElement()
                .satisfies(n -> assertThat(n.text()).isEqualTo("Mevrouw [naam] belde terug vanaf [telefoon], ook bereikbaar op [telefoon]"));
        assertThat(responses.byId(someone.response()).orElseThrow().answers()).as("the score stays, anonymous")
                .anyMatch(a -> a.score() != null && a.score() == 3);
        assertThat(scan.find(bystander.identifiers())).as("somebody else is not touched")
                .extracting(DatabaseScan.Hit::table).contains("loop_case", "loop_case_note", "listening_answer", "privacy_person");
    }

    @Test
    void aMentionOnSomebodyElsesCaseLosesOnlyThePersonsIdentifiers() throws Exception {
        EveryModuleFixture fixture = EveryModuleFixture.in(context);
        Someone someone = fixture.create(mvc);
        Someone colleague = fixture.create(mvc, "Noor");
        jdbc.update("update loop_case_note set text = ? where case_id = ?", "Buurman " + someone.name() + " (" + someone.phoneNotations().get(4)
                + ") klaagde ook; bel " + colleague.name() + " terug op " + colleague.phoneNotations().get(1), colleague.complaint().value());

        assertThat(erasure.erase(someone.key(), "test")).isTrue();
        fixture.awaitEventsHandled();

        assertThat(cases.notes(colleague.complaint())).singleElement().satisfies(n -> assertThat(n.text())
                .isEqualTo("Buurman [naam] ([telefoon]) klaagde ook; bel " + colleague.name() + " terug op " + colleague.phoneNotations().get(1)));
        assertThat(new DatabaseScan(jdbc).find(someone.identifiers())).isEmpty();
    }
}
