package nl.buitenin.listening.internal.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.TestDatabases;

/**
 * On PostgreSQL the reminders job's question (which e-mail invitations may be due) is answered from the partial index of
 * open invitations (vendor migration V17_4_1), not by reading every month's partition of listening_response: at 10
 * million answers that read took 739 ms a run. With sequential scans priced out, the planner still has the older index
 * on (status, reminder_status, invited_at) to walk in full; the test holds it to the index on invited_at alone.
 */
@DatabaseTest
class RemindersDueIndexTest {

    private static final Pattern INDEX = Pattern.compile("Index (?:Only )?Scan using (\\S+) on");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void onPostgresTheDueInvitationsAreReadFromTheIndexOfOpenOnes() {
        if (TestDatabases.current() != TestDatabases.Kind.POSTGRES) {
            return; // H2 has no partial indexes and keeps one table
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain " + JdbcResponses.DUE_FOR_REMINDER).param("invitedBefore", now.minusDays(3)).param("now", now)
                    .param("checkedBefore", now.minusHours(1)).param("limit", 100).query(String.class).list();
        });
        List<String> indexes = plan.stream().map(INDEX::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
        assertThat(indexes).as("the indexes in the plan: %s", String.join("\n", plan)).isNotEmpty()
                .allMatch(name -> name.endsWith("_invited_at_idx") || name.equals("listening_response_reminder_due"));
        assertThat(String.join("\n", plan)).doesNotContain("Seq Scan");
    }
}
