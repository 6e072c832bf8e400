package nl.buitenin.privacy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by every module that holds personal data, so that the export of everything held on a
 * person (GDPR art. 15 and 20) finds it: each bean of this type contributes one section.
 *
 * <p>The section is shown to the person as {@code export.<section>} in their language, each field of its
 * records as {@code export.<section>.<field>} (nested records: {@code export.<section>.<field>.<field>});
 * the texts live in the module's message bundles. Use {@link ExportTerm} for codes and {@link ExportName}
 * for names kept in two languages; ids (UUIDs) are kept in the JSON and left off the page, also inside a text. Say
 * for which {@link #purpose()} the section is held, so the page groups it there.
 */
public interface PersonalDataSource {

    /** A short, stable name of the section, such as "answers" or "cases". */
    String section();

    /** Everything this source holds on the person, as records that serialise to JSON. */
    List<?> export(PersonKey person);

    /** The tables this section is read from, checked against the schema by the contract test. */
    List<PersonalDataTable> tables();

    /**
     * The purpose of the register this section is held for; the page that shows the export groups sections by it,
     * under the purpose's name and description. Null (the default) for what is held about the person as such, such
     * as their contact details and choices, shown first.
     */
    default @Nullable PurposeId purpose() {
        return null;
    }
}
