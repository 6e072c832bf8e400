package nl.buitenin.journey;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Who served the person: the pseudonymous reference of a staff member and the team, as an interaction or a response
 * may carry them (both optional). One rule for every way in (the interactions API and CSV import, the answers API and
 * answer imports), so a reference that one accepts the other accepts too.
 * <p>
 * A staff reference is a pseudonym such as {@code mw-014}, never a name or an e-mail address: 1 to {@value #MAX_STAFF}
 * letters, digits and {@code . _ -}, starting with a letter or digit (so no spaces and no {@code @}). Staff are people
 * too: the reference is personal data, read per person only under the purpose {@code service-quality-staff}.
 * A team is a name of at most {@value #MAX_TEAM} characters: letters, digits, spaces and {@code . - & ' ( ) /}.
 */
public final class StaffFields {

    public static final int MAX_STAFF = 64;
    public static final int MAX_TEAM = 100;
    private static final Pattern STAFF = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0," + (MAX_STAFF - 1) + "}");
    private static final Pattern TEAM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .&'()/-]{0," + (MAX_TEAM - 1) + "}");

    private StaffFields() {
    }

    /** The value without surrounding white space; null when not given (null or blank). */
    public static @Nullable String given(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Why a staff reference given in {@code field} is refused, naming the field; empty when it is fine or not given. */
    public static Optional<FieldError> staffError(String field, @Nullable String value) {
        String staff = given(value);
        if (staff == null || STAFF.matcher(staff).matches()) {
            return Optional.empty();
        }
        return Optional.of(FieldError.of(field, "journey.invalid.staff", shorten(staff), MAX_STAFF));
    }

    /** Why a team given in {@code field} is refused, naming the field; empty when it is fine or not given. */
    public static Optional<FieldError> teamError(String field, @Nullable String value) {
        String team = given(value);
        if (team == null || TEAM.matcher(team).matches()) {
            return Optional.empty();
        }
        return Optional.of(FieldError.of(field, "journey.invalid.team", shorten(team), MAX_TEAM));
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
