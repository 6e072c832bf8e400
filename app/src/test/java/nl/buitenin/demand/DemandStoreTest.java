package nl.buitenin.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import nl.buitenin.access.Scope;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.demand.internal.DemandFigures;
import nl.buitenin.demand.internal.forecast.Backtest;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.demand.internal.volume.VolumeImport;
import nl.buitenin.journey.Channel;
import nl.buitenin.testing.DatabaseTest;

/** Counts in and figures out, on H2 and PostgreSQL. Each test uses its own location. */
@DatabaseTest
@AutoConfigureMockMvc
class DemandStoreTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ContactVolumes volumes;
    @Autowired
    VolumeImport volumeImport;
    @Autowired
    DemandFigures figures;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theApiIsIdempotentByNaturalKeyAndSourceId() throws Exception {
        String body = """
                {"volumes": [
                  {"channel": "phone", "location": "Api-test", "intervalStart": "2026-06-01T07:00:00Z", "offered": 12, "handled": 11,
                   "ahtSeconds": 240, "abandoned": 1, "sourceId": "acd-1"},
                  {"channel": "PHONE", "location": "Api-test", "intervalStart": "2026-06-01T07:15:00Z", "offered": 9}
                ]}""";
        mvc.perform(post("/api/v1/demand/volumes").with(user("p").roles("PLANNER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(2)).andExpect(jsonPath("$.alreadyPresent").value(0));
        mvc.perform(post("/api/v1/demand/volumes").with(user("p").roles("PLANNER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(0)).andExpect(jsonPath("$.alreadyPresent").value(2));
        assertThat(jdbc.sql("select count(*) from demand_volume where location = 'Api-test'").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theApiNamesEveryWrongItemAndStoresNothing() throws Exception {
        String body = """
                {"volumes": [
                  {"channel": "PHONE", "location": "Api-wrong", "intervalStart": "2026-06-01T07:00:00Z", "offered": 3},
                  {"channel": "PHONE", "location": "Api-wrong", "intervalStart": "2026-06-01T07:15:00Z", "offered": -1},
                  {"channel": "FAX", "location": "Api-wrong", "intervalStart": "2026-06-01T07:30:00Z", "offered": 1}
                ]}""";
        mvc.perform(post("/api/v1/demand/volumes").with(user("p").roles("PLANNER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("volumes[1].offered")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("volumes[2].channel")));
        String misaligned = """
                {"volumes": [{"channel": "PHONE", "location": "Api-wrong", "intervalStart": "2026-06-01T07:05:00Z", "offered": 3}]}""";
        mvc.perform(post("/api/v1/demand/volumes").with(user("p").roles("PLANNER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(misaligned))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("volumes[0].intervalStart")));
        assertThat(jdbc.sql("select count(*) from demand_volume where location = 'Api-wrong'").query(Long.class).single()).isZero();
    }

    @Test
    void aMachineWithAnIngestKeySendsCountsAndAReadKeyReadsSeries() throws Exception {
        String ingest = apiKeys.issue("acd", Set.of(Scope.INGEST), null).plainText();
        String read = apiKeys.issue("bi", Set.of(Scope.READ), null).plainText();
        String body = """
                {"volumes": [{"channel": "CHAT", "location": "Api-key", "intervalStart": "2026-06-01T08:00:00Z", "offered": 4}]}""";
        mvc.perform(post("/api/v1/demand/volumes").header("Authorization", "Bearer " + ingest)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/demand/volumes").header("Authorization", "Bearer " + read)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/demand/series").header("Authorization", "Bearer " + read))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Api-key")));
    }

    @Test
    void bothQuartersOfTheRepeatedHourAreKeptAndCountInTheHeatMap() {
        Instant summer = OffsetDateTime.parse("2026-10-25T02:15+02:00").toInstant();
        Instant winter = OffsetDateTime.parse("2026-10-25T02:15+01:00").toInstant();
        volumes.record(List.of(new ContactVolume(Channel.PHONE, "Dst", summer, 5, null, null, null, null),
                new ContactVolume(Channel.PHONE, "Dst", winter, 7, null, null, null, null)));
        DemandFigures.HeatMap map = figures.heatMap(new SeriesKey(Channel.PHONE, "Dst"), 4);
        assertThat(map.hourByWeekday()[2][6]).isEqualTo(12); // Sunday 02:00-03:00 on the 25-hour day
        assertThat(map.daysPerWeekday()[6]).isEqualTo(1);
    }

    @Test
    void anImportWithABadRowStoresNothingAndARepeatedImportChangesNothing() throws Exception {
        String bad = "date,interval_start,offered\n2026-06-01,09:00,5\n2026-06-01,09:15,five\n";
        VolumeImport.Report rejected = volumeImport.importCsv(new StringReader(bad), Channel.PHONE, "Import-test");
        assertThat(rejected.stored()).isFalse();
        assertThat(rejected.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(3));
        String good = "date,interval_start,offered\n2026-06-01,09:00,5\n2026-06-01,09:05,6\n2026-06-01,09:15,7\n";
        VolumeImport.Report stored = volumeImport.importCsv(new StringReader(good), Channel.PHONE, "Import-test");
        assertThat(stored.recorded().inserted()).isEqualTo(2); // 09:00 and 09:05 share a quarter
        VolumeImport.Report again = volumeImport.importCsv(new StringReader(good), Channel.PHONE, "Import-test");
        assertThat(again.recorded().inserted()).isZero();
        assertThat(again.recorded().alreadyPresent()).isEqualTo(2);
        assertThat(jdbc.sql("select offered from demand_volume where location = 'Import-test' order by interval_start")
                .query(Long.class).list()).containsExactly(11L, 7L);
    }

    @Test
    void theBankDataImportedThroughThePageGivesAForecastThatBeatsTheBaseline() throws Exception {
        byte[] bank;
        try (var in = getClass().getResourceAsStream("/demo/calls-bank-2003/calls_5min.csv")) {
            bank = in.readAllBytes();
        }
        mvc.perform(multipart("/demand/import").file(new MockMultipartFile("file", "calls_5min.csv", "text/csv", bank))
                        .param("channel", "PHONE").param("location", "Bank").with(user("p").roles("PLANNER")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("import-result")));
        SeriesKey key = new SeriesKey(Channel.PHONE, "Bank");
        assertThat(jdbc.sql("select sum(offered) from demand_volume where location = 'Bank'").query(Long.class).single())
                .isEqualTo(5_323_661L);
        DemandFigures.ForecastView view = figures.forecast(key, 14);
        Backtest.Report report = view.backtest();
        assertThat(report).isNotNull();
        assertThat(report.heldOut(report.chosen()).mae()).isLessThan(report.heldOut(report.baseline()).mae());
        // The bank's busiest hour is 10:00-11:00 on Mondays.
        DemandFigures.HeatMap map = figures.heatMap(key, 12);
        double monday10 = map.hourByWeekday()[10][0];
        for (int hour = 0; hour < 24; hour++) {
            assertThat(map.hourByWeekday()[hour][0]).isLessThanOrEqualTo(monday10);
        }
        mvc.perform(get("/demand/forecast").param("series", "PHONE|Bank").with(user("a").roles("ANALYST")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"backtest\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"forecast-bands\"")));
        // Every open interval of the next days carries its bands, in the CSV and in the API, around its forecast.
        String csv = mvc.perform(get("/demand/forecast.csv").param("series", "PHONE|Bank").with(user("a").roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("interval_start,forecast,low80,high80,low95,high95,method");
        assertThat(lines).hasSizeGreaterThan(100);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double forecast = Double.parseDouble(f[1]);
            assertThat(Double.parseDouble(f[4])).as(line).isLessThanOrEqualTo(Double.parseDouble(f[2])).isLessThanOrEqualTo(forecast);
            assertThat(Double.parseDouble(f[2])).as(line).isLessThan(Double.parseDouble(f[3]));
            assertThat(Double.parseDouble(f[5])).as(line).isGreaterThanOrEqualTo(Double.parseDouble(f[3])).isGreaterThanOrEqualTo(forecast);
        }
        String key2 = apiKeys.issue("planning tool", Set.of(Scope.READ), null).plainText();
        mvc.perform(get("/api/v1/demand/forecast").param("channel", "PHONE").param("location", "Bank").param("days", "3")
                        .header("Authorization", "Bearer " + key2))
                .andExpect(status().isOk()).andExpect(jsonPath("$.days[2].high95.length()").value(org.hamcrest.Matchers.greaterThan(0)));
        mvc.perform(get("/demand/staffing.csv").param("series", "PHONE|Bank").param("target", "80/20").param("aht", "200")
                        .with(user("a").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("interval_start,forecast_contacts,aht_seconds,erlangs,agents")));
        // The risk line: at the top of the 80 % band at least as many agents as for the forecast, and more somewhere.
        DemandFigures.Plan plan = figures.plan(key, new nl.buitenin.demand.internal.erlang.StaffingGoal(
                new nl.buitenin.demand.internal.erlang.ServiceTarget(0.8, 20), null, 1, 0, null), 200.0, 7);
        assertThat(plan.intervals()).isNotEmpty().allSatisfy(i -> assertThat(i.scheduledAtHigh80()).isGreaterThanOrEqualTo(i.scheduled()));
        assertThat(plan.intervals()).anySatisfy(i -> assertThat(i.scheduledAtHigh80()).isGreaterThan(i.scheduled()));
    }
}
