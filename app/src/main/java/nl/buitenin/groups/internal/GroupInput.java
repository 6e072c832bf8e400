package nl.buitenin.groups.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import nl.buitenin.groups.GroupKind;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;

/**
 * A group as an administrator writes it (API or page), every field as text; {@link #read} checks it and names every
 * wrong field at once.
 *
 * @param kind  RULE, CHOSEN or FOUND
 * @param split the name shared by groups that exclude each other, such as "tempo" (optional)
 * @param rule  for a group by rule: its rule, such as {@code pace = brisk and trips >= 3}
 */
public record GroupInput(@Nullable String nameNl, @Nullable String nameEn, @Nullable String descriptionNl, @Nullable String descriptionEn,
        @Nullable String kind, @Nullable String split, @Nullable String rule) {

    static final int MAX_NAME = 120;
    static final int MAX_DESCRIPTION = 1000;
    private static final Pattern SPLIT = Pattern.compile("[\\p{L}0-9][\\p{L}0-9 _-]{0,63}");

    public JdbcGroups.Definition read() {
        List<FieldError> errors = new ArrayList<>();
        String nl = RequestValues.collecting(errors, () -> name("nameNl", nameNl));
        String en = RequestValues.collecting(errors, () -> name("nameEn", nameEn));
        String dnl = RequestValues.collecting(errors, () -> description("descriptionNl", descriptionNl));
        String den = RequestValues.collecting(errors, () -> description("descriptionEn", descriptionEn));
        GroupKind type = RequestValues.collecting(errors, () -> RequestValues.requiredChoice("kind", kind, GroupKind.class, "groups.invalid.kind"));
        String splitName = RequestValues.given(split);
        if (splitName != null && !SPLIT.matcher(splitName).matches()) {
            errors.add(FieldError.of("split", "groups.invalid.split", 64));
        }
        Rule parsed = null;
        if (type == GroupKind.RULE) {
            parsed = RequestValues.collecting(errors, () -> Rule.parse("rule", rule));
        } else if (!RequestValues.blank(rule)) {
            errors.add(FieldError.of("rule", "groups.invalid.rule.kind"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new JdbcGroups.Definition(nl, en, dnl == null ? "" : dnl, den == null ? "" : den, type, splitName, parsed);
    }

    private static String name(String field, @Nullable String raw) {
        String name = RequestValues.required(field, raw, "groups.invalid.name");
        if (name.length() > MAX_NAME) {
            throw InvalidInputException.of(field, "groups.invalid.name.long", MAX_NAME);
        }
        return name;
    }

    private static @Nullable String description(String field, @Nullable String raw) {
        String text = RequestValues.given(raw);
        if (text != null && text.length() > MAX_DESCRIPTION) {
            throw InvalidInputException.of(field, "groups.invalid.description.long", MAX_DESCRIPTION);
        }
        return text;
    }
}
