package nl.buitenin.privacy;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One table where a module keeps something about a person, as a {@link PersonalDataSource} or a
 * {@link PersonalDataErasure} declares it: the column that holds the person's key (null when the rows
 * are reached through another table, such as the notes of a case) and the columns of free text. The
 * contract test compares these declarations with the real schema, so a table that holds a person key or
 * free text without being declared makes the build fail.
 *
 * @param table           the table's name in lower case
 * @param personColumn    the column with the person's key, or null
 * @param freeTextColumns the columns of free text (which may name anybody)
 */
public record PersonalDataTable(String table, @Nullable String personColumn, List<String> freeTextColumns) {

    public PersonalDataTable {
        Objects.requireNonNull(table, "table");
        freeTextColumns = List.copyOf(freeTextColumns);
    }

    /** A table with the person's key in {@code personColumn} and the given free-text columns. */
    public static PersonalDataTable keyed(String table, String personColumn, String... freeTextColumns) {
        return new PersonalDataTable(table, Objects.requireNonNull(personColumn, "personColumn"), List.of(freeTextColumns));
    }

    /** A table of free text whose rows belong to a person through another table (or to nobody in particular). */
    public static PersonalDataTable text(String table, String... freeTextColumns) {
        return new PersonalDataTable(table, null, List.of(freeTextColumns));
    }
}
