package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.buitenin.privacy.internal.Exports;
import nl.buitenin.privacy.internal.PersonExport;
import nl.buitenin.testing.TestDatabases;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test: runs only with {@code -Dbuitenin.bench=true} and asserts no timing. It times
 * the export (to JSON) of a person with 1 000 records against a baseline measured in the same run: one
 * plain SELECT of the same rows. Prints median and 95th percentile of 200 runs after 50 warm-up runs.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "buitenin.bench", matches = "true")
class ExportBenchmark {

    /** Timed runs per side; {@code -Dbuitenin.bench.runs=N} makes a shorter run (bench/run-all.sh --quick). */
    private static final int RUNS = Integer.getInteger("buitenin.bench.runs", 200);
    private static final int WARM_UP = RUNS / 4;

    @Autowired
    Persons persons;
    @Autowired
    Exports exports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void exportOfAPersonWithAThousandRecords() {
        PersonKey person = persons.register("BENCH-" + UUID.randomUUID(),
                new ContactDetails("Bart Bench", "bart@example.nl", "06-00123456"));
        List<Object[]> reads = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(300);
        for (int i = 0; i < 500; i++) {
            reads.add(new Object[] {UUID.randomUUID(), start.plusMinutes(i * 7L), "medewerker", "complaint-handling", person.value(),
                    "case note " + i});
            changes.add(new Object[] {UUID.randomUUID(), person.value(), i % 2 == 0 ? "offers" : "feedback", i % 4 < 2,
                    start.plusMinutes(i * 11L), "web"});
        }
        jdbc.batchUpdate("insert into privacy_access_log (id, read_at, actor, purpose_id, person_key, what) values (?, ?, ?, ?, ?, ?)", reads);
        jdbc.batchUpdate("insert into privacy_consent_change (id, person_key, purpose_id, given, changed_at, channel) "
                + "values (?, ?, ?, ?, ?, ?)", changes);

        PersonExport export = exports.export(person);
        assertThat(export.recordCount()).isGreaterThanOrEqualTo(1_000);

        Supplier<Object> exportToJson = () -> json.writeValueAsString(exports.export(person));
        Supplier<Object> baseline = () -> jdbc.queryForList(
                "select read_at as at, actor as who, purpose_id as purpose, what from privacy_access_log where person_key = ? "
                        + "union all select changed_at, channel, purpose_id, cast(given as varchar(5)) from privacy_consent_change "
                        + "where person_key = ?", person.value(), person.value());
        List<Map<String, Object>> rows = jdbc.queryForList("select count(*) as n from privacy_access_log where person_key = ?",
                person.value());
        double[] exportMs = time(exportToJson);
        double[] baselineMs = time(baseline);
        String report = String.format(
                "privacy export benchmark on %s: person with %d records (%s access-log rows)%n"
                        + "  export to JSON : median %.2f ms, p95 %.2f ms%n"
                        + "  baseline SELECT: median %.2f ms, p95 %.2f ms%n"
                        + "  ratio (median export / median baseline): %.1f%n",
                TestDatabases.current(), export.recordCount(), rows.get(0).get("n"), percentile(exportMs, 50),
                percentile(exportMs, 95), percentile(baselineMs, 50), percentile(baselineMs, 95),
                percentile(exportMs, 50) / percentile(baselineMs, 50));
        System.out.println(report);
        // The line bench/run-all.sh reads: the export's median time against the baseline SELECT's.
        System.out.printf(Locale.ROOT, "RESULT export-%s ratio=%.4f value=%.3f unit=ms baseline=%.3f%n",
                TestDatabases.current().toString().toLowerCase(Locale.ROOT), percentile(exportMs, 50) / percentile(baselineMs, 50),
                percentile(exportMs, 50), percentile(baselineMs, 50));
    }

    private static double[] time(Supplier<Object> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
