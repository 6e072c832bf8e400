package nl.buitenin.privacy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what identifies people from free text (comments, case notes): the given identifiers of one
 * person (names case-insensitively by word boundary, e-mail addresses, phone numbers in any notation)
 * and, whoever they belong to, every e-mail address, phone number, IBAN (checksum-validated) and
 * Dutch postcode with house number. Each becomes a placeholder: {@code [naam]}, {@code [e-mail]},
 * {@code [telefoon]}, {@code [IBAN]}, {@code [adres]}. Dates, amounts, times and booking numbers stay.
 */
public final class FreeTextScrubber {

    public static final String NAME = "[naam]";
    public static final String EMAIL = "[e-mail]";
    public static final String PHONE = "[telefoon]";
    public static final String IBAN = "[IBAN]";
    public static final String ADDRESS = "[adres]";

    private static final Pattern EMAILS = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])");
    private static final Pattern IBANS = Pattern.compile(
            "(?<![\\w])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\\w])", Pattern.CASE_INSENSITIVE);
    /** A run of digits with the separators people put in phone numbers, starting with +, 0 or (0. */
    private static final Pattern PHONE_CANDIDATES = Pattern.compile(
            "(?<![\\w+./,-])(?:\\+|\\(0)?[0-9][0-9 ()./\\-]{5,22}[0-9](?![\\w]|[.,/-]\\d)");
    private static final Pattern DATE = Pattern.compile(
            "\\b(?:\\d{1,2}[-./]\\d{1,2}[-./]\\d{4}|\\d{4}[-./]\\d{1,2}[-./]\\d{1,2})\\b");
    /** Postcode (not starting with 0, no SA/SD/SS) followed by a house number with optional addition. */
    private static final Pattern POSTCODE_WITH_NUMBER = Pattern.compile(
            "(?<![\\w])[1-9]\\d{3}(?: ?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2}),?\\s*(?:(?i:nr|no|huisnummer|nummer)\\.?\\s*)?\\d{1,5}(?:\\s?-?\\s?[A-Za-z](?![A-Za-z]))?(?:-\\d{1,4})?(?![\\w])");
    /** A postcode alone is only taken in capitals, so "in 2024 en" stays; unit abbreviations stay too. */
    private static final Pattern POSTCODE_ALONE = Pattern.compile(
            "(?<![\\w])[1-9]\\d{3} ?(?!SA|SD|SS|KB|MB|GB|TB|KM|CM|MM|KG|PK|KW|EU|CO)[A-Z]{2}(?![\\w])");
    private static final Set<String> NAME_PARTICLES = Set.of("van", "de", "der", "den", "het", "ten", "ter", "te",
            "'t", "op", "in", "la", "le", "du", "von", "vd", "v.d.", "el", "al", "da", "di", "dos", "del");

    /** Scrubs the person's identifiers and every other direct identifier from the text. */
    public String scrub(String text, Collection<String> identifiers) {
        return scrub(text, identifiers, true);
    }

    /**
     * Scrubs only the given person's identifiers: their names, their e-mail addresses and their phone numbers
     * in any notation. For text about somebody else that mentions the person, whose own details must stay.
     */
    public String scrubOnly(String text, Collection<String> identifiers) {
        return scrub(text, identifiers, false);
    }

    private String scrub(String text, Collection<String> identifiers, boolean everybody) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        Identifiers sorted = Identifiers.of(identifiers);
        for (String email : sorted.emails()) {
            result = replaceLiteral(result, email, EMAIL);
        }
        if (everybody) {
            result = EMAILS.matcher(result).replaceAll(EMAIL);
            result = replaceIbans(result);
            result = replacePhones(result, e164 -> true);
            result = POSTCODE_WITH_NUMBER.matcher(result).replaceAll(Matcher.quoteReplacement(ADDRESS));
            result = POSTCODE_ALONE.matcher(result).replaceAll(Matcher.quoteReplacement(ADDRESS));
        } else {
            result = replacePhones(result, sorted.phones()::contains);
        }
        result = replaceNames(result, sorted.names());
        // Identifiers that are none of the above (such as a customer id written with digits) go literally.
        for (String phone : sorted.phones()) {
            result = replaceLiteral(result, phone, PHONE);
        }
        return result;
    }

    /**
     * What a text that mentions the person must contain, for a quick search before scrubbing: lower-case words
     * (each part of a name, e-mail addresses, other identifiers) to find in the lower-cased text, and the
     * significant digits of each phone number to find in the text with separators (space - ( ) . / +) removed.
     */
    public record SearchTerms(List<String> words, List<String> digits) {

        public boolean isEmpty() {
            return words.isEmpty() && digits.isEmpty();
        }
    }

    public SearchTerms searchTerms(Collection<String> identifiers) {
        Identifiers sorted = Identifiers.of(identifiers);
        Set<String> words = new LinkedHashSet<>();
        sorted.emails().forEach(e -> words.add(e.toLowerCase(Locale.ROOT)));
        for (String variant : nameVariants(sorted.names())) {
            words.add(variant.toLowerCase(Locale.ROOT));
        }
        Set<String> digits = new LinkedHashSet<>();
        for (String phone : sorted.phones()) {
            String all = phone.substring(1);
            // A Dutch number is written with +31, 0031, 0 or (0) before its nine significant digits.
            digits.add(all.startsWith("31") ? all.substring(2) : all.substring(Math.max(0, all.length() - 8)));
        }
        // A name part found inside a longer variant is enough: keep the shortest terms only.
        List<String> shortest = words.stream()
                .filter(w -> words.stream().noneMatch(o -> !o.equals(w) && w.contains(o))).toList();
        return new SearchTerms(shortest, List.copyOf(digits));
    }

    private record Identifiers(List<String> emails, List<String> phones, List<String> names) {

        static Identifiers of(Collection<String> identifiers) {
            List<String> emails = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String identifier : identifiers == null ? List.<String>of() : identifiers) {
                if (identifier == null || identifier.isBlank()) {
                    continue;
                }
                String value = identifier.strip();
                if (value.contains("@")) {
                    emails.add(value);
                } else if (PhoneNumbers.toE164(value) != null) {
                    phones.add(PhoneNumbers.toE164(value));
                } else {
                    names.add(value);
                }
            }
            return new Identifiers(emails, phones, names);
        }
    }

    /** Scrubs only what identifies anybody (e-mail, phone, IBAN, address), without names. */
    public String scrub(String text) {
        return scrub(text, List.of());
    }

    private static String replaceLiteral(String text, String value, String placeholder) {
        return Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(Matcher.quoteReplacement(placeholder));
    }

    private static String replaceIbans(String text) {
        Matcher matcher = IBANS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String candidate = matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(isIban(candidate) ? IBAN : candidate));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers, the remainder mod 97 is 1. */
    static boolean isIban(String candidate) {
        String compact = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static String replacePhones(String text, java.util.function.Predicate<String> whose) {
        Matcher matcher = PHONE_CANDIDATES.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String candidate = matcher.group().strip();
            if (candidate.startsWith("(") && !candidate.contains(")")) {
                // "(06 12 34 56 78)": the parenthesis encloses the number, it is not part of an area code as in "(020) 123".
                candidate = candidate.substring(1);
            }
            boolean phone = !DATE.matcher(candidate).find() && !candidate.matches(".*\\d{1,2}:\\d{2}.*")
                    && PhoneNumbers.toE164(candidate) != null && whose.test(PhoneNumbers.toE164(candidate));
            String replacement = phone ? matcher.group().replace(candidate, PHONE) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * The full name first, then the surname with its particles ("de Vries"), then each other part of
     * two letters or more, so "meneer De Vries" and "Jan" are both caught.
     */
    private static String replaceNames(String text, List<String> names) {
        List<String> longestFirst = new ArrayList<>(nameVariants(names));
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        String result = text;
        for (String variant : longestFirst) {
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(variant) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(NAME));
        }
        return result.replace(NAME + " " + NAME, NAME);
    }

    private static Set<String> nameVariants(List<String> names) {
        Set<String> variants = new LinkedHashSet<>();
        for (String name : names) {
            String normalised = name.replaceAll("\\s+", " ");
            variants.add(normalised);
            String[] parts = normalised.split(" ");
            for (int i = 1; i < parts.length; i++) {
                if (NAME_PARTICLES.contains(parts[i].toLowerCase(Locale.ROOT))) {
                    variants.add(String.join(" ", java.util.Arrays.copyOfRange(parts, i, parts.length)));
                    break;
                }
            }
            for (String part : parts) {
                String bare = part.replaceAll("[.,]$", "");
                if (bare.length() >= 2 && !NAME_PARTICLES.contains(bare.toLowerCase(Locale.ROOT))) {
                    variants.add(bare);
                }
            }
        }
        return variants;
    }
}
