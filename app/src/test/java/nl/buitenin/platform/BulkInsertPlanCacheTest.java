package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.platform.BulkInsert.Type;
import nl.buitenin.testing.DatabaseTest;

/**
 * On PostgreSQL the application's connections plan every statement for its values ({@code force_custom_plan},
 * {@code PostgresCustomPlans}), and so, until this was seen, the check of a foreign key, which PostgreSQL runs as a
 * statement of its own for every inserted row: planned anew 5 000 times for a batch of 5 000 interactions. A bulk
 * insert of {@link BulkInsert#CACHED_CHECKS_FROM} rows or more is written with the plan cache on {@code auto}, and the
 * connection's own setting is back for the rest of the transaction. A trigger on the probe table writes down the
 * setting in force while each row goes in.
 */
@DatabaseTest
class BulkInsertPlanCacheTest {

    record Child(UUID id, UUID parent) {
    }

    static final BulkInsert<Child> CHILDREN = BulkInsert.<Child>into("bulk_plan_child")
            .column("id", Type.UUID, Child::id).column("parent_id", Type.UUID, Child::parent).plain();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private final UUID parent = UUID.randomUUID();
    private boolean postgres;

    @BeforeEach
    void tables() {
        String database = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        postgres = database.toLowerCase().contains("postgres");
        Assumptions.assumeTrue(postgres, "PostgreSQL's plan cache");
        jdbc.execute("create table if not exists bulk_plan_parent (id uuid primary key)");
        jdbc.execute("create table if not exists bulk_plan_child (id uuid primary key, parent_id uuid not null references "
                + "bulk_plan_parent (id), plan_cache_mode text)");
        jdbc.execute("create or replace function bulk_plan_mode() returns trigger language plpgsql as $$ begin "
                + "new.plan_cache_mode := current_setting('plan_cache_mode'); return new; end $$");
        jdbc.execute("drop trigger if exists bulk_plan_mode on bulk_plan_child");
        jdbc.execute("create trigger bulk_plan_mode before insert on bulk_plan_child for each row execute function bulk_plan_mode()");
        jdbc.update("insert into bulk_plan_parent (id) values (?)", parent);
    }

    /** The probe tables go again: the database is shared with tests that scan every table (PersonalDataContractTest). */
    @AfterEach
    void dropTables() {
        // Runs after the skipped test on H2 too, which made none of them.
        if (!postgres) {
            return;
        }
        jdbc.execute("drop table if exists bulk_plan_child");
        jdbc.execute("drop table if exists bulk_plan_parent");
        jdbc.execute("drop function if exists bulk_plan_mode()");
    }

    private List<Child> children(int count) {
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(new Child(UUID.randomUUID(), parent));
        }
        return children;
    }

    private List<String> modesOf(List<Child> children) {
        return children.stream().map(c -> jdbc.queryForObject("select plan_cache_mode from bulk_plan_child where id = ?", String.class,
                c.id())).distinct().toList();
    }

    @Test
    void aBigBatchGoesInWithThePlanCacheOnAutoAndTheConnectionsSettingIsBackAfterIt() {
        String connections = jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class);
        List<Child> big = children(BulkInsert.CACHED_CHECKS_FROM);
        List<Child> small = children(BulkInsert.CACHED_CHECKS_FROM - 1);

        String after = transactions.execute(status -> {
            CHILDREN.write(jdbc, big);
            String between = jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class);
            CHILDREN.write(jdbc, small);
            return between;
        });

        assertThat(connections).isEqualTo("force_custom_plan");
        assertThat(modesOf(big)).containsExactly("auto");
        assertThat(after).isEqualTo(connections);
        assertThat(modesOf(small)).containsExactly(connections);
        assertThat(jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class)).isEqualTo(connections);
    }
}
