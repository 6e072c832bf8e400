package nl.buitenin.access.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.passay.DictionaryRule;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharacterRegexRule;
import org.passay.Rule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;

import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * What a password must be, wherever one is set (a new user, the first sign-in, one's own change, an administrator's
 * reset): NIST SP 800-63B's length over composition rules, and a check against the passwords attackers try first.
 * <ul>
 * <li>12 to 128 characters, and not the username;</li>
 * <li>not one of the 10,000 most common passwords (SecLists, see {@code access/common-passwords/README.md}), whatever
 * the case, nor one of them with only digits or punctuation before or after it ({@code Monkey123456!});</li>
 * <li>not made of one repeated character or a simple sequence: a run of one character, or of the alphabet, the digits
 * or a row of the keyboard (forwards or backwards, {@code 90} going on as {@code 01}), that covers half the password or
 * more ({@code aaaaaaaaaaaa}, {@code abcdefghijkl}, {@code 123456789012}, {@code qwertyuiopas}). A long passphrase
 * with a short run in it stays allowed.</li>
 * </ul>
 * The rules are Passay's ({@code org.passay}); the share of the password a run must cover is this policy's own.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    static final String COMMON_PASSWORDS = "/access/common-passwords/10-million-password-list-top-10000.txt";

    private static final DictionaryRule COMMON = new DictionaryRule(new WordListDictionary(new ArrayWordList(load(), true)));

    private PasswordPolicy() {
    }

    /** What is wrong with the password (field {@code password}), if anything. */
    static Optional<FieldError> check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(FieldError.of("password", "access.invalid.passwordShort", MIN_LENGTH));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(FieldError.of("password", "access.invalid.passwordLong", MAX_LENGTH));
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of(FieldError.of("password", "access.invalid.passwordIsUsername"));
        }
        if (isCommon(password)) {
            return Optional.of(FieldError.of("password", "access.invalid.passwordCommon"));
        }
        if (isMostlyARun(password)) {
            return Optional.of(FieldError.of("password", "access.invalid.passwordSequence"));
        }
        return Optional.empty();
    }

    private static boolean isCommon(String password) {
        String folded = password.toLowerCase(Locale.ROOT);
        String core = folded.replaceAll("^[\\p{Punct}\\p{Digit}\\s]+|[\\p{Punct}\\p{Digit}\\s]+$", "");
        return !valid(COMMON, folded) || (!core.isEmpty() && !core.equals(folded) && !valid(COMMON, core));
    }

    /** A run of half the password or more (at least 5 characters, Passay's default) is refused. */
    private static boolean isMostlyARun(String password) {
        int run = Math.max(RepeatCharacterRegexRule.DEFAULT_SEQUENCE_LENGTH, (password.length() + 1) / 2);
        List<Rule> rules = List.of(
                new RepeatCharacterRegexRule(run),
                new IllegalSequenceRule(EnglishSequenceData.Alphabetical, run, true),
                new IllegalSequenceRule(EnglishSequenceData.Numerical, run, true),
                new IllegalSequenceRule(EnglishSequenceData.USQwerty, run, false));
        return !new PasswordValidator(rules).validate(new PasswordData(password.toLowerCase(Locale.ROOT))).isValid();
    }

    private static boolean valid(Rule rule, String password) {
        return rule.validate(new PasswordData(password)).isValid();
    }

    /** The list in lower case, sorted, without repeats: the dictionary searches it by binary search. */
    private static String[] load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("the common password list is missing: " + COMMON_PASSWORDS);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).map(line -> line.toLowerCase(Locale.ROOT)).distinct().sorted()
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
