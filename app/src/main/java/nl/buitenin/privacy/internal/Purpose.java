package nl.buitenin.privacy.internal;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.privacy.PurposeId;

/**
 * A processing activity of the register (GDPR art. 30): what for, on which legal basis, which data,
 * for how long, to whom. A purpose without personal data (anonymous counts) has no retention.
 */
public record Purpose(PurposeId id, String nameNl, String nameEn, String descriptionNl, String descriptionEn,
        LegalBasis legalBasis, boolean personalData, String dataCategories, Integer retentionMonths, String recipients,
        Instant retiredAt) {

    public Purpose {
        List<FieldError> errors = new ArrayList<>();
        require(errors, "nameNl", nameNl, 200);
        require(errors, "nameEn", nameEn, 200);
        require(errors, "descriptionNl", descriptionNl, 4000);
        require(errors, "descriptionEn", descriptionEn, 4000);
        require(errors, "dataCategories", dataCategories, 2000);
        require(errors, "recipients", recipients, 2000);
        if (legalBasis == null) {
            errors.add(FieldError.of("legalBasis", "privacy.invalid.legalBasis"));
        }
        if (personalData && (retentionMonths == null || retentionMonths < 1 || retentionMonths > 240)) {
            errors.add(FieldError.of("retentionMonths", "privacy.invalid.retention"));
        }
        if (!personalData) {
            retentionMonths = null;
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        nameNl = nameNl.strip();
        nameEn = nameEn.strip();
    }

    private static void require(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "privacy.invalid.required"));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "privacy.invalid.atMost", max));
        }
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public boolean needsConsent() {
        return legalBasis == LegalBasis.CONSENT;
    }

    public Period retention() {
        return retentionMonths == null ? null : Period.ofMonths(retentionMonths);
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameNl;
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionNl;
    }
}
