package nl.buitenin.demand.internal.volume;

import java.util.Collection;
import java.util.Locale;

/**
 * Where the counts of a series come from. A series uses one source only: counts reported by the
 * contact-centre systems (API, CSV import) when it has any, otherwise the counts derived from journey
 * interactions. The two are never added up, since they usually count the same calls twice.
 */
public enum VolumeSource {
    /** Sent through the API or imported from a file: the telephony or chat system's own figures. */
    REPORTED,
    /** Counted from the interactions journey records. */
    INTERACTIONS;

    /** The value in the {@code source} column. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VolumeSource ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The source a series with counts from these sources uses: reported figures win. */
    public static VolumeSource preferred(Collection<VolumeSource> present) {
        return present.contains(REPORTED) || present.isEmpty() ? REPORTED : INTERACTIONS;
    }

    public String messageKey() {
        return "demand.source." + column();
    }
}
