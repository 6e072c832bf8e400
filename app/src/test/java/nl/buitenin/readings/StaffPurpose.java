package nl.buitenin.readings;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers the purpose "service-quality-staff" in the processing register when it is not there yet. Its registration
 * belongs to the staff ingestion's work; until that migration is in, tests of readings that read staff references add
 * the row themselves (insert-if-absent, so they keep working once the migration adds it).
 */
public final class StaffPurpose {

    private StaffPurpose() {
    }

    public static void register(JdbcClient jdbc) {
        jdbc.sql("insert into privacy_purpose (id, name_nl, name_en, description_nl, description_en, legal_basis, personal_data, "
                        + "data_categories, retention_months, recipients, created_at, updated_at) values ('service-quality-staff', "
                        + "'Kwaliteit van de dienstverlening – medewerkers', 'Quality of service – staff', "
                        + "'Signalen van scoresturing per team, en per medewerker alleen voor de teamleider.', "
                        + "'Signs of score steering per team, and per staff member only for the team lead.', 'LEGITIMATE_INTEREST', true, "
                        + "'pseudoniem van de medewerker, team', 24, 'analisten, teamleiders', current_timestamp, current_timestamp) "
                        + "on conflict do nothing")
                .update();
    }
}
