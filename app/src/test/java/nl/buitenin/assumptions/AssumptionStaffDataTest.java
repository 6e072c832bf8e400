package nl.buitenin.assumptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.privacy.StaffDataSource;
import nl.buitenin.privacy.StaffItem;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * An assumption's owner is a member of staff: the staff export lists the assumptions they own, and erasing them clears
 * the user name and keeps the assumption. On H2 and PostgreSQL.
 */
@DatabaseTest
class AssumptionStaffDataTest {

    @Autowired
    Assumptions assumptions;
    @Autowired
    JdbcJourneys journeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    StaffDataSource source() {
        return context.getBeansOfType(StaffDataSource.class).values().stream().filter(s -> s.section().equals("assumptions"))
                .findFirst().orElseThrow();
    }

    @Test
    void theExportListsTheAssumptionsAStaffMemberOwnsAndErasureKeepsThemWithoutTheName() {
        JourneyId journey = journeys.createJourney(new Names(Unique.name("Reis"), Unique.name("Trip")));
        String owner = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String statement = Unique.name("Bellen om te boeken scoort hoog");
        UUID mine = assumptions.propose(new NewAssumption(statement, "Verkoop", owner, journey, null, null));
        UUID theirs = assumptions.propose(new NewAssumption(Unique.name("Iets anders"), "Reizen", other, journey, null, null));

        List<StaffItem> exported = source().export(owner);
        assertThat(exported).singleElement().satisfies(item -> {
            assertThat(item.where().nl()).isEqualTo("Eigenaar van de aanname: " + statement);
            assertThat(item.where().en()).isEqualTo("Owner of the assumption: " + statement);
            assertThat(item.team()).isEqualTo("Verkoop");
        });

        assertThat(source().erase(owner)).isEqualTo(1);
        assertThat(source().export(owner)).isEmpty();
        assertThat(jdbc.sql("select statement, owner from assumptions_assumption where id = :id").param("id", mine).query().singleRow())
                .satisfies(row -> {
                    assertThat(row.get("owner")).isNull();
                    assertThat(row.get("statement")).isEqualTo(statement);
                });
        assertThat(jdbc.sql("select owner from assumptions_assumption where id = :id").param("id", theirs).query(String.class).single())
                .isEqualTo(other);
    }
}
