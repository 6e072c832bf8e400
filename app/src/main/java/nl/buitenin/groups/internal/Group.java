package nl.buitenin.groups.internal;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.GroupKind;

/**
 * A customer group as the organisation defined it.
 *
 * @param split a name shared by groups that exclude each other ("tempo"): a person is in at most one of them at a time,
 *              so joining one ends the membership of the other; null for a group that stands on its own
 * @param rule  for a group by rule, the rule that decides who is in it
 */
public record Group(GroupId id, String nameNl, String nameEn, String descriptionNl, String descriptionEn, GroupKind kind,
        @Nullable String split, @Nullable Rule rule, boolean active, Instant createdAt, Instant updatedAt) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameNl;
    }

    public String description(Locale locale) {
        return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionNl;
    }
}
