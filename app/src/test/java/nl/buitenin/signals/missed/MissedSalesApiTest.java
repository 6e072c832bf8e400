package nl.buitenin.signals.missed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.privacy.Persons;
import nl.buitenin.testing.DatabaseTest;
import nl.buitenin.testing.Unique;

/**
 * Missed sales through the API: a batch sent again changes nothing, wrong items are named by index and field in the
 * reader's language while the right ones are stored, the trends and top lists match hand-counted data (askers hidden
 * under the small-cell rule), and the wrong roles are refused. Each test uses its own year, so their counts stay apart.
 */
@DatabaseTest
@AutoConfigureMockMvc
class MissedSalesApiTest {

    static final String API = "/api/v1/signals/missed-sales";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;
    @Autowired
    Persons persons;
    @Autowired
    JdbcClient jdbc;

    StoredUser admin;
    StoredUser analyst;
    StoredUser agent;

    @BeforeEach
    void staff() {
        admin = staff(Role.ADMIN);
        analyst = staff(Role.ANALYST);
        agent = staff(Role.AGENT);
    }

    StoredUser staff(Role role) {
        String name = "ms-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, name, "a long enough password", Set.of(role), null, "en", false));
        return users.storedByUsername(name).orElseThrow();
    }

    static String item(String sourceId, String askedFor, String channel, String location, String reason, String person, String at) {
        return "{\"sourceId\":" + quoted(sourceId) + ",\"askedFor\":" + quoted(askedFor) + ",\"channel\":" + quoted(channel)
                + ",\"location\":" + quoted(location) + ",\"reason\":" + quoted(reason) + ",\"person\":" + quoted(person)
                + ",\"at\":" + quoted(at) + "}";
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\"", "\\\"") + "\"";
    }

    String send(StoredUser who, String language, List<String> items) throws Exception {
        return mvc.perform(post(API).with(user(who)).with(csrf()).header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":[" + String.join(",", items) + "]}")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void aBatchSentAgainChangesNothingAndWrongItemsAreNamedByIndexAndField() throws Exception {
        String tag = Unique.name("ms");
        String person = persons.keyFor("klant-" + UUID.randomUUID()).value();
        List<String> batch = List.of(
                item(tag + "-1", "Cuba", "LOCATION", "Utrecht", "NOT_IN_RANGE", null, "2010-03-01T10:00:00+01:00"),
                item(tag + "-2", "wandelreis met kinderen", "phone", null, "sold_out", person, "2010-03-02T10:00:00+01:00"),
                item(tag + "-3", " ", "SHOP", null, null, "klant-7", "gisteren"),
                item(tag + "-1", "Cuba", "LOCATION", "Utrecht", "NOT_IN_RANGE", null, "2010-03-01T10:00:00+01:00"));
        String report = send(agent, "nl", batch);
        assertThat((Integer) JsonPath.read(report, "$.created")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(report, "$.duplicates")).as("the same source id twice in one batch").isEqualTo(1);
        assertThat((Integer) JsonPath.read(report, "$.rejected")).isEqualTo(1);
        List<String> fields = JsonPath.read(report, "$.items[2].errors[*].field");
        assertThat(fields).containsExactly("askedFor", "channel", "reason", "person", "at");
        List<String> messages = JsonPath.read(report, "$.items[2].errors[*].message");
        assertThat(messages).contains("Vul dit in.", "'SHOP' is geen kanaal; kies LOCATION, WEB, APP, PHONE, EMAIL, SOCIAL, CHAT of HOME_VISIT.",
                "'gisteren' is geen moment; schrijf het als 2026-03-01T10:00:00+01:00.");

        String again = send(admin, "en", batch);
        assertThat((Integer) JsonPath.read(again, "$.created")).as("resent").isZero();
        assertThat((Integer) JsonPath.read(again, "$.duplicates")).isEqualTo(3);
        List<String> english = JsonPath.read(again, "$.items[2].errors[*].message");
        assertThat(english).contains("'SHOP' is not a channel; choose LOCATION, WEB, APP, PHONE, EMAIL, SOCIAL, CHAT or HOME_VISIT.");
        assertThat(jdbc.sql("select count(*) from signals_missed_sale where source_id like :tag").param("tag", tag + "-%")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select reason from signals_missed_sale where source_id = :id").param("id", tag + "-2").query(String.class)
                .single()).as("codes are read in any case").isEqualTo("SOLD_OUT");
    }

    @Test
    void aNulCharacterRefusesItsItemAloneNamingTheField() throws Exception {
        String tag = Unique.name("mn");
        String report = send(agent, "en", List.of(
                "{\"sourceId\":\"" + tag + "-1\",\"askedFor\":\"Cu\\u0000ba\",\"channel\":\"WEB\",\"reason\":\"OTHER\","
                        + "\"note\":\"a\\u0000\",\"location\":\"\\u0000\"}",
                item(tag + "-2", "Cuba", "WEB", null, "OTHER", null, null)));
        assertThat((Integer) JsonPath.read(report, "$.created")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(report, "$.items[0].errors[*].field")).containsExactly("askedFor", "location", "note");
        assertThat(JsonPath.<String>read(report, "$.items[0].errors[0].message"))
                .isEqualTo("contains a character that cannot be stored (U+0000 at position 3)");
    }

    @Test
    void aCsvFileGoesTheSameWayWithWrongRowsNamedByLineAndColumn() throws Exception {
        String tag = Unique.name("mc");
        String csv = "sourceId,askedFor,Channel,reason,location\n" + tag + "-1,Cuba,LOCATION,NOT_IN_RANGE,Utrecht\n"
                + tag + "-2,Cuba,SHOP,NOT_IN_RANGE,\n" + tag + "-3,Cuba\n";
        String report = mvc.perform(post(API).with(user(agent)).with(csrf()).header("Accept-Language", "nl").contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(report, "$.created")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(report, "$.rejected")).isEqualTo(2);
        assertThat(JsonPath.<String>read(report, "$.items[1].errors[0].field")).isEqualTo("line 3, column channel");
        assertThat(JsonPath.<String>read(report, "$.items[1].errors[0].message")).startsWith("'SHOP' is geen kanaal");
        assertThat(JsonPath.<String>read(report, "$.items[2].errors[0].field")).contains("line 4");
        String again = mvc.perform(post(API).with(user(agent)).with(csrf()).contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(again, "$.created")).isZero();
        assertThat((Integer) JsonPath.read(again, "$.duplicates")).isEqualTo(1);

        mvc.perform(post(API).with(user(agent)).with(csrf()).header("Accept-Language", "en").contentType("text/csv").content("sourceId,what\nx,y\n"))
                .andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("The column 'askedFor' is missing.", "line 1"));
    }

    @Test
    void anEmptyOrTooLargeBatchIsRefusedNamingItems() throws Exception {
        mvc.perform(post(API).with(user(agent)).with(csrf()).header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":[]}")).andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("\"field\":\"items\"", "Stuur ten minste één nee-verkoop."));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            many.add(item("x" + i, "Cuba", "WEB", null, "OTHER", null, null));
        }
        mvc.perform(post(API).with(user(agent)).with(csrf()).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":[" + String.join(",", many) + "]}")).andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Send at most 1000 missed sales at a time."));
    }

    /*
     * March 2011, Europe/Amsterdam (the default organisation's zone). Week of Monday 7 March: Cuba four times at the
     * Utrecht counter by people nobody knows and twice on the phone by p1; trips with children by p2 (web) and p3 (Zwolle).
     * Week of Monday 14 March: Cuba once at Utrecht on Sunday 13 March 23:30 UTC (Monday 00:30 in Amsterdam), and
     * wheelchair access by p2 at Utrecht.
     */
    @Test
    void trendsAndTopMatchHandCountedDataWithAskersHiddenUnderTheSmallCellRule() throws Exception {
        String tag = Unique.name("mt");
        String p1 = persons.keyFor("klant-" + UUID.randomUUID()).value();
        String p2 = persons.keyFor("klant-" + UUID.randomUUID()).value();
        String p3 = persons.keyFor("klant-" + UUID.randomUUID()).value();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(item(tag + "-c" + i, i % 2 == 0 ? "Cuba" : "cuba ", "LOCATION", "Utrecht", "NOT_IN_RANGE", null, "2011-03-0" + (7 + i % 3) + "T10:00:00Z"));
        }
        items.add(item(tag + "-p1a", "CUBA", "PHONE", null, "TOO_EXPENSIVE", p1, "2011-03-08T10:00:00Z"));
        items.add(item(tag + "-p1b", "Cuba", "PHONE", null, "NOT_IN_RANGE", p1, "2011-03-09T10:00:00Z"));
        items.add(item(tag + "-k2", "wandelreis met kinderen", "WEB", null, "NOT_IN_RANGE", p2, "2011-03-10T10:00:00Z"));
        items.add(item(tag + "-k3", "Wandelreis  met kinderen", "LOCATION", "Zwolle", "NOT_IN_RANGE", p3, "2011-03-11T10:00:00Z"));
        items.add(item(tag + "-late", "Cuba", "LOCATION", "Utrecht", "NOT_IN_RANGE", null, "2011-03-13T23:30:00Z"));
        items.add(item(tag + "-r2", "rolstoeltoegankelijk", "LOCATION", "Utrecht", "NOT_POSSIBLE", p2, "2011-03-15T10:00:00Z"));
        assertThat((Integer) JsonPath.read(send(agent, "en", items), "$.created")).isEqualTo(10);

        String trends = mvc.perform(get(API + "/trends").param("from", "2011-03-07").param("to", "2011-03-20").with(user(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(trends, "$.weeks[*].week")).containsExactly("2011-03-07", "2011-03-14");
        assertThat(JsonPath.<List<Integer>>read(trends, "$.weeks[*].count.missed")).containsExactly(8, 2);
        // Week 1: four unknown askers, p1, p2, p3 = 7; week 2: one unknown and p2 = 2, fewer than 5 and hidden.
        assertThat(JsonPath.<Integer>read(trends, "$.weeks[0].count.askers")).isEqualTo(7);
        assertThat(JsonPath.<Object>read(trends, "$.weeks[1].count.askers")).isNull();
        assertThat(JsonPath.<Boolean>read(trends, "$.weeks[1].count.askersHidden")).isTrue();
        assertThat(JsonPath.<Integer>read(trends, "$.weeks[1].count.fewerThan")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(trends, "$.total.missed")).isEqualTo(10);
        assertThat(JsonPath.<Integer>read(trends, "$.total.askers")).as("five unknown, p1, p2, p3").isEqualTo(8);

        String cuba = mvc.perform(get(API + "/trends").param("from", "2011-03-07").param("to", "2011-03-20").param("thing", "  cUBA ")
                .with(user(analyst))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(cuba, "$.thing")).isEqualTo("cuba");
        assertThat(JsonPath.<List<Integer>>read(cuba, "$.weeks[*].count.missed")).containsExactly(6, 1);

        String top = mvc.perform(get(API + "/top").param("from", "2011-03-07").param("to", "2011-03-20").with(user(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(top, "$.things[*].key")).containsExactly("cuba", "wandelreis met kinderen", "rolstoeltoegankelijk");
        assertThat(JsonPath.<String>read(top, "$.things[0].label")).isEqualTo("Cuba");
        assertThat(JsonPath.<Integer>read(top, "$.things[0].count.missed")).isEqualTo(7);
        assertThat(JsonPath.<Integer>read(top, "$.things[0].count.askers")).as("five unknown and p1").isEqualTo(6);
        assertThat(JsonPath.<Integer>read(top, "$.things[0].reasons.NOT_IN_RANGE")).isEqualTo(6);
        assertThat(JsonPath.<Integer>read(top, "$.things[0].reasons.TOO_EXPENSIVE")).isEqualTo(1);
        assertThat(JsonPath.<Boolean>read(top, "$.things[1].count.askersHidden")).isTrue();
        assertThat(JsonPath.<List<String>>read(top, "$.channels[*].key")).containsExactly("LOCATION", "PHONE", "WEB");
        assertThat(JsonPath.<List<Integer>>read(top, "$.channels[*].count.missed")).containsExactly(7, 2, 1);
        assertThat(JsonPath.<Integer>read(top, "$.channels[0].count.askers")).as("five unknown, p3, p2").isEqualTo(7);
        assertThat(JsonPath.<List<String>>read(top, "$.locations[*].key")).containsExactly("Utrecht", "", "Zwolle");
        assertThat(JsonPath.<List<Integer>>read(top, "$.locations[*].count.missed")).containsExactly(6, 3, 1);

        String limited = mvc.perform(get(API + "/top").param("from", "2011-03-07").param("to", "2011-03-20").param("limit", "1")
                .with(user(analyst))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(limited, "$.things[*].key")).containsExactly("cuba");
    }

    @Test
    void aWrongPeriodOrLimitIsRefusedNamingTheFieldInTheReadersLanguage() throws Exception {
        mvc.perform(get(API + "/trends").param("from", "2011-03-20").param("to", "2011-03-07").header("Accept-Language", "nl").with(user(analyst)))
                .andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("\"field\":\"from\"", "De begindatum ligt na de einddatum."));
        mvc.perform(get(API + "/trends").param("from", "7 maart").header("Accept-Language", "en").with(user(analyst)))
                .andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("'7 maart' is not a date; write it as 2026-03-01."));
        mvc.perform(get(API + "/top").param("limit", "0").header("Accept-Language", "en").with(user(analyst)))
                .andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("\"field\":\"limit\""));
    }

    @Test
    void theWrongRolesAreRefused() throws Exception {
        mvc.perform(post(API).with(user(analyst)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":[" + item("r1", "Cuba", "WEB", null, "OTHER", null, null) + "]}")).andExpect(status().isForbidden());
        mvc.perform(get(API + "/trends").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get(API + "/top").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get(API + "/top")).andExpect(r -> assertThat(r.getResponse().getStatus()).isIn(401, 403));
    }
}
