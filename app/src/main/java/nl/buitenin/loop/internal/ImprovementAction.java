package nl.buitenin.loop.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import nl.buitenin.loop.ActionId;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/** An improvement action: what changes (in Dutch and English), for which themes, by whom, and how far it is. */
public record ImprovementAction(ActionId id, String titleNl, String titleEn, String descriptionNl, String descriptionEn,
        UUID owner, ActionStatus status, LocalDate dueOn, Set<ThemeId> themes, Instant createdAt, Instant startedAt,
        Instant completedAt) {

    public ImprovementAction {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "titleNl", titleNl, 200);
        check(errors, "titleEn", titleEn, 200);
        check(errors, "descriptionNl", descriptionNl, 4000);
        check(errors, "descriptionEn", descriptionEn, 4000);
        if (themes == null || themes.isEmpty()) {
            errors.add(FieldError.of("themes", "loop.invalid.actionThemes"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        themes = Set.copyOf(themes);
        titleNl = titleNl.strip();
        titleEn = titleEn.strip();
        descriptionNl = descriptionNl.strip();
        descriptionEn = descriptionEn.strip();
    }

    static ImprovementAction plan(String titleNl, String titleEn, String descriptionNl, String descriptionEn, UUID owner,
            LocalDate dueOn, Set<ThemeId> themes, Instant at) {
        return new ImprovementAction(new ActionId(UUID.randomUUID()), titleNl, titleEn, descriptionNl, descriptionEn, owner,
                ActionStatus.PLANNED, dueOn, themes, at, null, null);
    }

    ImprovementAction start(Instant at) {
        if (status != ActionStatus.PLANNED) {
            throw new ConflictException("loop.conflict.startAction", FieldError.term(status.messageKey()));
        }
        return new ImprovementAction(id, titleNl, titleEn, descriptionNl, descriptionEn, owner, ActionStatus.IN_PROGRESS,
                dueOn, themes, createdAt, at, null);
    }

    /** Done: from planned or in progress, once. Completing twice would tell people twice. */
    ImprovementAction complete(Instant at) {
        if (status == ActionStatus.DONE) {
            throw new ConflictException("loop.conflict.actionDone");
        }
        return new ImprovementAction(id, titleNl, titleEn, descriptionNl, descriptionEn, owner, ActionStatus.DONE, dueOn,
                themes, createdAt, startedAt == null ? at : startedAt, at);
    }

    public String title(Locale locale) {
        return english(locale) ? titleEn : titleNl;
    }

    public String description(Locale locale) {
        return english(locale) ? descriptionEn : descriptionNl;
    }

    private static boolean english(Locale locale) {
        return locale != null && locale.getLanguage().equals("en");
    }

    private static void check(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            errors.add(FieldError.of(field, "loop.invalid.length", max));
        }
    }
}
