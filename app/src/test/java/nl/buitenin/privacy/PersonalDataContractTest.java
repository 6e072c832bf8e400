package nl.buitenin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

import nl.buitenin.testing.DatabaseTest;

/**
 * The contract of export and erasure, checked against the real schema after all migrations (H2 and PostgreSQL):
 * every table with a person-key column is read by a {@link PersonalDataSource} and cleared by a
 * {@link PersonalDataErasure}, and every free-text column is scrubbed by one, unless the allow-list below says
 * why it holds nothing about a person. Staff are people too: every column with a staff reference is read and erased by
 * a {@link StaffDataSource}. A new table that escapes the contract fails this test by name.
 */
@DatabaseTest
class PersonalDataContractTest {

    /** A column that holds a person's key or the organisation's customer id. */
    static final Pattern PERSON_COLUMN = Pattern.compile("(.+_)?person(_key)?|customer(_id)?(_enc)?|raised_by|respondent");
    /**
     * A column that holds a staff member's pseudonymous reference (who served the person) or names the member of staff
     * a thing belongs to or who runs it: its owner, facilitator, creator or assignee.
     */
    static final Pattern STAFF_COLUMN = Pattern.compile("(.+_)?staff(_ref)?|owner|facilitator(_.+)?|created_by|assignee(_.+)?");
    /** A column whose name says it holds prose. */
    static final Pattern TEXT_NAME = Pattern.compile(".*(comment|text|note|body|detail|summary|outcome|description|what|reason"
            + "|remark|message|subject|content|payload|result|report|answer).*");

    /**
     * Tables and columns that hold free text (by the rule) but nothing about a person, each with the reason. A
     * table here is not checked at all, so keep it to tables of the organisation's own texts.
     */
    static final Map<String, String> NOT_ABOUT_A_PERSON = Map.ofEntries(
            Map.entry("event_publication", "events live only until every listener handled them, then the row is deleted "
                    + "(completion-mode delete); PersonErased itself is stored sealed"),
            Map.entry("privacy_purpose", "the processing register: the organisation's own texts about its purposes"),
            Map.entry("privacy_retention_run", "the report of a retention run: counts per purpose"),
            Map.entry("listening_survey", "survey definitions: questions the organisation wrote"),
            Map.entry("listening_import_mapping", "which column of another tool's export holds which question"),
            Map.entry("listening_widget_site", "the web origins allowed to show the survey widget"),
            Map.entry("contact_policy", "the contact policy's settings"),
            Map.entry("contact_offer_policy", "the shared contact budget and the offer rules' settings"),
            Map.entry("offers_settings", "how interactions make interests: weights, half-lives and the threshold"),
            Map.entry("loop_action", "improvement actions the organisation wrote"),
            Map.entry("loop_webhook", "the address and events of a service desk's subscription"),
            Map.entry("loop_webhook_delivery", "case events for a service desk: ids, type, status, team and deadline, "
                    + "no person and no free text (CaseWork.CaseEventPayload)"),
            Map.entry("demand_closure", "days the organisation is closed and why, entered by planners"),
            Map.entry("readings_pilot", "pilots the organisation defined: their names and what changes"),
            Map.entry("flyway_schema_history", "the migrations that were applied"),
            Map.entry("idempotent_request", "responses replayed to a retried POST, deleted after 24 hours (platform cannot "
                    + "listen to privacy's events); a response to POST /api/v1/persons holds the person key until then"),
            Map.entry("api_key.created_by", "the account that made the key: app_user's id, set to null when the account is deleted "
                    + "(the accounts' own erasure), not a staff reference of its own"),
            Map.entry("groups_group", "customer groups as the organisation defined them: names, descriptions and rules"),
            Map.entry("listening_answer.choices", "the values of the options a person chose, defined by the survey"),
            Map.entry("groups_group_economics.revenue_per_person", "an amount of money the organisation enters per group (revenue per "
                    + "member per year), not a person"),
            Map.entry("signals_missed_sale.reason", "why a missed sale was missed: one of five fixed codes (not in range, sold out, ...)"),
            Map.entry("signals_market_signal", "market signals staff write about the market (competitors, techniques, rules, what is "
                    + "asked for) and the organisation's decision on them; the page asks for no names"));

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    MessageSource messages;

    record Column(String table, String column, String type, Integer length) {

        boolean person() {
            return PERSON_COLUMN.matcher(column).matches();
        }

        boolean staff() {
            return STAFF_COLUMN.matcher(column).matches();
        }

        boolean freeText() {
            boolean longText = Set.of("text", "character large object", "clob").contains(type) || type.endsWith("text");
            boolean varchar = type.contains("char");
            return longText || (varchar && length != null && length >= 1000)
                    || (varchar && length != null && length >= 100 && TEXT_NAME.matcher(column).matches());
        }
    }

    /** Every column of every table; a partition is covered by its partitioned table and left out. */
    List<Column> schema() {
        java.util.Set<String> partitions = DatabaseScan.partitions(jdbc);
        return jdbc.query("select table_name, column_name, data_type, character_maximum_length from information_schema.columns "
                        + "where lower(table_schema) = 'public' and table_name in (select table_name from information_schema.tables "
                        + "where lower(table_schema) = 'public' and table_type = 'BASE TABLE') order by table_name, ordinal_position",
                (rs, n) -> new Column(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2).toLowerCase(Locale.ROOT),
                        rs.getString(3).toLowerCase(Locale.ROOT), (Integer) rs.getObject(4, Integer.class)))
                .stream().filter(c -> !partitions.contains(c.table())).toList();
    }

    List<PersonalDataTable> exported() {
        return context.getBeansOfType(PersonalDataSource.class).values().stream().flatMap(s -> s.tables().stream()).toList();
    }

    List<PersonalDataTable> staffData() {
        return context.getBeansOfType(StaffDataSource.class).values().stream().flatMap(s -> s.tables().stream()).toList();
    }

    List<PersonalDataTable> erased() {
        return context.getBeansOfType(PersonalDataErasure.class).values().stream().flatMap(s -> s.erases().stream()).toList();
    }

    @Test
    void everyTableWithAPersonKeyOrFreeTextIsExportedAndErased() {
        assertThat(escapes()).as("tables that hold a person key or free text outside the export and erasure contract "
                + "(declare them in the module's PersonalDataSource.tables() and PersonalDataErasure.erases(), or explain "
                + "in NOT_ABOUT_A_PERSON why they hold nothing about a person)").isEmpty();
    }

    /** The check itself can fail: a table a new module adds without joining the contract is named. */
    @Test
    void aNewTableOutsideTheContractIsNamed() {
        jdbc.execute("create table contract_probe (id varchar(36) primary key, person_key varchar(28), remark text, code varchar(20))");
        try {
            assertThat(escapes()).containsOnlyKeys("contract_probe")
                    .containsEntry("contract_probe", List.of("person_key: no export reads it", "person_key: no erasure clears it",
                            "remark: free text no erasure scrubs"));
        } finally {
            jdbc.execute("drop table contract_probe");
        }
    }

    /** Staff are people too: a table with a staff reference that no staff export and erasure covers is named. */
    @Test
    void aNewStaffColumnOutsideTheContractIsNamed() {
        jdbc.execute("create table contract_staff_probe (id varchar(36) primary key, staff_ref varchar(64), team varchar(100))");
        try {
            assertThat(escapes()).containsOnlyKeys("contract_staff_probe")
                    .containsEntry("contract_staff_probe", List.of("staff_ref: no staff export and erasure covers it"));
        } finally {
            jdbc.execute("drop table contract_staff_probe");
        }
    }

    /**
     * An owner, facilitator, creator or assignee is a member of staff too: a new column by any of those names that no
     * staff export and erasure covers is named (the assumptions' {@code owner} is covered by AssumptionStaffData).
     */
    @Test
    void aNewOwnerFacilitatorCreatorOrAssigneeOutsideTheContractIsNamed() {
        jdbc.execute("create table contract_owner_probe (id varchar(36) primary key, owner varchar(100), facilitator varchar(100), "
                + "created_by varchar(200), assignee varchar(100), owner_name_nl varchar(100))");
        try {
            assertThat(escapes()).containsOnlyKeys("contract_owner_probe").containsEntry("contract_owner_probe",
                    List.of("owner: no staff export and erasure covers it", "facilitator: no staff export and erasure covers it",
                            "created_by: no staff export and erasure covers it", "assignee: no staff export and erasure covers it"));
        } finally {
            jdbc.execute("drop table contract_owner_probe");
        }
        assertThat(schema().stream().filter(Column::staff).map(c -> c.table() + "." + c.column()))
                .contains("assumptions_assumption.owner", "workshop.facilitator_staff_ref");
    }

    @Test
    void theStaffColumnsOfInteractionsAndResponsesAreCovered() {
        assertThat(schema().stream().filter(Column::staff).map(c -> c.table() + "." + c.column()))
                .contains("interaction.staff_ref", "listening_response.staff_ref");
        assertThat(staffData()).extracting(t -> t.table() + "." + t.personColumn())
                .contains("interaction.staff_ref", "listening_response.staff_ref");
    }

    Map<String, List<String>> escapes() {
        List<PersonalDataTable> exported = exported();
        List<PersonalDataTable> erased = erased();
        List<PersonalDataTable> staff = staffData();
        Map<String, List<String>> escapes = new TreeMap<>();
        for (Column column : schema()) {
            if (NOT_ABOUT_A_PERSON.containsKey(column.table()) || NOT_ABOUT_A_PERSON.containsKey(column.table() + "." + column.column())) {
                continue;
            }
            if (column.staff()) {
                if (staff.stream().noneMatch(t -> t.table().equals(column.table()) && column.column().equals(t.personColumn()))) {
                    escapes.computeIfAbsent(column.table(), t -> new ArrayList<>()).add(column.column()
                            + ": no staff export and erasure covers it");
                }
            } else if (column.person()) {
                // A customer id (privacy_person's, encrypted) sits beside the key: the table's declaration covers it.
                if (exported.stream().noneMatch(t -> t.table().equals(column.table()) && (column.column().equals(t.personColumn())
                        || column.column().startsWith("customer")))) {
                    escapes.computeIfAbsent(column.table(), t -> new ArrayList<>()).add(column.column() + ": no export reads it");
                }
                if (erased.stream().noneMatch(t -> t.table().equals(column.table()) && (column.column().equals(t.personColumn())
                        || column.column().startsWith("customer")))) {
                    escapes.computeIfAbsent(column.table(), t -> new ArrayList<>()).add(column.column() + ": no erasure clears it");
                }
            } else if (column.freeText()) {
                if (erased.stream().noneMatch(t -> t.table().equals(column.table()) && t.freeTextColumns().contains(column.column()))) {
                    escapes.computeIfAbsent(column.table(), t -> new ArrayList<>()).add(column.column() + ": free text no erasure scrubs");
                }
            }
        }
        return escapes;
    }

    @Test
    void theRuleFindsTheTablesItIsMeantFor() {
        Set<String> personTables = new TreeSet<>();
        Set<String> textColumns = new TreeSet<>();
        for (Column column : schema()) {
            if (column.person()) {
                personTables.add(column.table());
            } else if (column.freeText()) {
                textColumns.add(column.table() + "." + column.column());
            }
        }
        assertThat(personTables).contains("privacy_person", "privacy_access_log", "interaction", "listening_response",
                "contact_decision", "contact_attempt", "loop_case", "loop_told_back", "loop_tell_back_task", "loop_told_back_due",
                "loop_answer_theme", "outbox_message").doesNotContain("organisation", "app_user", "journey");
        assertThat(textColumns).contains("loop_case.summary", "loop_case_note.text", "loop_callback.note", "loop_case_event.detail",
                "listening_answer.text_value", "outbox_message.body_text", "privacy_access_log.what")
                .doesNotContain("loop_callback.outcome", "loop_told_back.reason", "journey.name_nl");
    }

    @Test
    void everyDeclaredTableAndColumnExists() {
        Map<String, Set<String>> columns = new TreeMap<>();
        for (Column column : schema()) {
            columns.computeIfAbsent(column.table(), t -> new TreeSet<>()).add(column.column());
        }
        List<String> unknown = new ArrayList<>();
        for (PersonalDataTable table : concat(concat(exported(), erased()), staffData())) {
            Set<String> known = columns.get(table.table());
            if (known == null) {
                unknown.add(table.table());
                continue;
            }
            if (table.personColumn() != null && !known.contains(table.personColumn())) {
                unknown.add(table.table() + "." + table.personColumn());
            }
            table.freeTextColumns().stream().filter(c -> !known.contains(c)).forEach(c -> unknown.add(table.table() + "." + c));
        }
        assertThat(unknown).as("declared in the contract but not in the schema").isEmpty();
        assertThat(NOT_ABOUT_A_PERSON.keySet()).allSatisfy(entry -> {
            String[] parts = entry.split("\\.");
            assertThat(columns).as("allow-listed table %s exists", parts[0]).containsKey(parts[0]);
            if (parts.length == 2) {
                assertThat(columns.get(parts[0])).contains(parts[1]);
            }
        });
    }

    /** An erasure that declares tables really handles PersonErased (privacy's own Erasure is where it starts). */
    @Test
    void everyErasureHandlesPersonErased() {
        for (PersonalDataErasure erasure : context.getBeansOfType(PersonalDataErasure.class).values()) {
            Class<?> type = AopUtils.getTargetClass(erasure);
            if (type == nl.buitenin.privacy.internal.Erasure.class) {
                continue;
            }
            boolean listens = false;
            for (Class<?> c = type; c != null && !listens; c = c.getSuperclass()) {
                listens = Arrays.stream(c.getDeclaredMethods()).anyMatch(PersonalDataContractTest::handlesErasure);
            }
            assertThat(listens).as("%s declares erased tables but has no listener for PersonErased", type.getName()).isTrue();
        }
    }

    /** Every section and every field of every record has a name in Dutch and English (checked with data in ExportAcrossModulesTest). */
    @Test
    void everySectionHasANameInBothLanguages() {
        for (PersonalDataSource source : context.getBeansOfType(PersonalDataSource.class).values()) {
            for (Locale locale : List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH)) {
                try {
                    assertThat(messages.getMessage("export." + source.section(), null, locale)).isNotBlank();
                } catch (NoSuchMessageException e) {
                    throw new AssertionError("no name for export section " + source.section() + " in " + locale, e);
                }
            }
        }
    }

    private static boolean handlesErasure(Method method) {
        boolean listener = method.isAnnotationPresent(org.springframework.modulith.events.ApplicationModuleListener.class)
                || method.isAnnotationPresent(EventListener.class) || method.isAnnotationPresent(TransactionalEventListener.class);
        return listener && method.getParameterCount() == 1 && method.getParameterTypes()[0] == PersonErased.class;
    }

    private static List<PersonalDataTable> concat(List<PersonalDataTable> a, List<PersonalDataTable> b) {
        List<PersonalDataTable> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
