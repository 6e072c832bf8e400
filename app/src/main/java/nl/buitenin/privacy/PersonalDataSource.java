package nl.buitenin.privacy;

import java.util.List;

/**
 * Implemented by every module that holds personal data, so that the export of everything held on a
 * person (GDPR art. 15 and 20) finds it: each bean of this type contributes one section.
 */
public interface PersonalDataSource {

    /** A short, stable name of the section, such as "answers" or "cases". */
    String section();

    /** Everything this source holds on the person, as records that serialise to JSON. */
    List<?> export(PersonKey person);
}
