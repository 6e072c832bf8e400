package nl.buitenin.offers.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.offers.internal.InterestBook;
import nl.buitenin.offers.internal.InterestSettings;
import nl.buitenin.offers.internal.InterestSettingsFile;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.PageController;

/** How interactions make interests: per kind the weight and the half-life in days, the threshold, and whether a purchase closes. */
@PageController
class InterestSettingsController {

    private final InterestBook book;

    InterestSettingsController(InterestBook book) {
        this.book = book;
    }

    /** One row of the form: a kind of interaction with its weight and half-life as shown. */
    record KindRow(InteractionKind kind, String name, String weight, String halfLifeDays) {
    }

    @GetMapping("/aanbiedingen/interesses")
    @Allow({Role.ADMIN, Role.ANALYST})
    String show(Model model) {
        return page(model, book.settings(), List.of());
    }

    @PostMapping("/aanbiedingen/interesses")
    @Allow(Role.ADMIN)
    String save(@RequestParam Map<String, String> form, Model model) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, InterestSettingsFile.KindFile> kinds = new TreeMap<>();
        for (InteractionKind kind : InteractionKind.values()) {
            String name = kind.name().toLowerCase(Locale.ROOT);
            Double weight = decimal("weight." + name, form, errors);
            Double halfLife = decimal("halfLifeDays." + name, form, errors);
            kinds.put(name, new InterestSettingsFile.KindFile(weight == null ? 0.0 : weight, halfLife));
        }
        Double threshold = decimal("threshold", form, errors);
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            book.change(new InterestSettingsFile(kinds, threshold, "true".equals(form.get("purchaseCloses"))));
            return "redirect:/aanbiedingen/interesses?saved";
        } catch (InvalidInputException e) {
            return page(model, book.settings(), e.errors());
        }
    }

    private String page(Model model, InterestSettings settings, List<FieldError> errors) {
        List<KindRow> rows = new ArrayList<>();
        for (InteractionKind kind : InteractionKind.values()) {
            InterestSettings.KindRule rule = settings.kinds().get(kind);
            rows.add(new KindRow(kind, kind.name().toLowerCase(Locale.ROOT), rule == null ? "0" : number(rule.weight()),
                    rule == null ? "7" : number(rule.halfLifeDays())));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("threshold", number(settings.threshold()));
        model.addAttribute("purchaseCloses", settings.purchaseCloses());
        model.addAttribute("errors", errors);
        return "offers/interests";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static @Nullable Double decimal(String field, Map<String, String> form, List<FieldError> errors) {
        String raw = form.get(field);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(raw.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "offers.invalid.number", raw.strip()));
            return null;
        }
    }
}
