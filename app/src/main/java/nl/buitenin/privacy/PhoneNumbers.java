package nl.buitenin.privacy;

import org.jspecify.annotations.Nullable;

/**
 * Phone numbers in the notations people write in the Netherlands, normalised to E.164. Dutch numbers
 * have a trunk 0 and nine more digits (06 mobile, 0xx area codes); service numbers 0800/090x have 4 or
 * 7 more digits; international numbers start with + or 00 and have 8 to 15 digits.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** The number in E.164 form ({@code +31612345678}), or null when it is not a phone number. */
    public static @Nullable String toE164(@Nullable String written) {
        if (written == null) {
            return null;
        }
        String text = written.strip().replace("(0)", "");
        if (!text.matches("\\+?[0-9 ()./\\-]{6,25}")) {
            return null;
        }
        boolean plus = text.startsWith("+");
        String digits = text.replaceAll("\\D", "");
        if (plus || digits.startsWith("00")) {
            String international = plus ? digits : digits.substring(2);
            if (international.startsWith("31")) {
                String national = international.substring(2);
                if (national.startsWith("0")) {
                    national = national.substring(1);
                }
                return national.length() == 9 && national.charAt(0) != '0' ? "+31" + national : null;
            }
            return international.length() >= 8 && international.length() <= 15 && international.charAt(0) != '0'
                    ? "+" + international : null;
        }
        if (!digits.startsWith("0")) {
            return null;
        }
        if (digits.length() == 10 && digits.charAt(1) != '0') {
            return "+31" + digits.substring(1);
        }
        if (digits.matches("0(800|900|906|909)(\\d{4}|\\d{7})")) {
            return "+31" + digits.substring(1);
        }
        return null;
    }
}
