package nl.buitenin.signals.internal.assessment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where in the organisation an answer comes from, so that management and the front line can be compared. */
public enum StaffLevel {
    /** Directors, managers and team leads. */
    MANAGEMENT,
    /** Staff who deal with customers themselves. */
    FRONT_LINE,
    /** Everyone else (back office, support). */
    SUPPORT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "assessment.level." + code();
    }

    public static Optional<StaffLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
