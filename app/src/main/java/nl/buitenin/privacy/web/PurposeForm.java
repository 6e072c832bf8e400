package nl.buitenin.privacy.web;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.internal.LegalBasis;
import nl.buitenin.privacy.internal.Purpose;

/** A purpose as entered in the form or the API; becomes a validated {@link Purpose}. */
record PurposeForm(String id, String nameNl, String nameEn, String descriptionNl, String descriptionEn, String legalBasis,
        Boolean personalData, String dataCategories, Integer retentionMonths, String recipients) {

    static PurposeForm of(Purpose p) {
        return new PurposeForm(p.id().value(), p.nameNl(), p.nameEn(), p.descriptionNl(), p.descriptionEn(), p.legalBasis().name(),
                p.personalData(), p.dataCategories(), p.retentionMonths(), p.recipients());
    }

    static PurposeForm empty() {
        return new PurposeForm("", "", "", "", "", LegalBasis.LEGITIMATE_INTEREST.name(), true, "", 12, "");
    }

    Purpose toPurpose() {
        PurposeId purposeId;
        try {
            purposeId = new PurposeId(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", "privacy.invalid.purposeIdForm");
        }
        LegalBasis basis = RequestValues.requiredChoice("legalBasis", legalBasis, LegalBasis.class, "privacy.invalid.legalBasisOneOf");
        return new Purpose(purposeId, nameNl, nameEn, descriptionNl, descriptionEn, basis, !Boolean.FALSE.equals(personalData),
                dataCategories, retentionMonths, recipients, null);
    }
}
