package nl.buitenin.privacy;

import java.util.List;

/**
 * Implemented by every module that keeps a staff reference (who served the person), so that a privacy officer can show
 * what is held about a staff member and erase it: staff are people too. Erasing removes the reference and keeps the
 * team, so team figures stay right. The contract test checks that every column named {@code staff_ref} in the schema
 * is declared by one of these.
 */
public interface StaffDataSource {

    /** A short, stable name of the section, such as "interactions" or "responses". */
    String section();

    /** What this module holds about the staff reference, newest first. */
    List<StaffItem> export(String staffRef);

    /** Removes the staff reference wherever this module holds it (the team stays); returns the number of rows changed. */
    int erase(String staffRef);

    /** The tables with a staff reference: {@link PersonalDataTable#personColumn()} names the column that holds it. */
    List<PersonalDataTable> tables();
}
