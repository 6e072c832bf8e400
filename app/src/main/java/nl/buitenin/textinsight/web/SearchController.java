package nl.buitenin.textinsight.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.textinsight.TextSource;
import nl.buitenin.textinsight.internal.TextSearch;

/**
 * One search page for what people wrote and staff heard. An analyst searches comments, case texts and notes under
 * "service improvement"; an agent searches the texts of cases only, under "complaint handling". Results show the part
 * of the text with the words, the touchpoint by name, the date in words and a link to the item.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST, Role.AGENT})
class SearchController {

    static final int MOST_WORDS = 10;
    static final int LONGEST_QUERY = 200;
    static final Set<TextSource> SEARCHABLE = EnumSet.of(TextSource.COMMENT, TextSource.CASE, TextSource.NOTE);

    private final TextSearch search;
    private final Touchpoints touchpoints;
    private final Users users;
    private final Organisations organisations;

    SearchController(TextSearch search, Touchpoints touchpoints, Users users, Organisations organisations) {
        this.search = search;
        this.touchpoints = touchpoints;
        this.users = users;
        this.organisations = organisations;
    }

    /** A text found, as the page shows it: names and a date in words, never ids or codes. */
    record Result(String sourceKey, @Nullable String touchpoint, String date, String labelKey, String excerpt, String link) {
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String touchpoint,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String label, @RequestParam(required = false) @Nullable List<String> source,
            Model model, Locale locale) {
        boolean analyst = analyst();
        Set<TextSource> allowed = analyst ? SEARCHABLE : EnumSet.of(TextSource.CASE);
        List<Touchpoint> all = touchpoints.all().stream().sorted(Comparator.comparing(t -> t.name(locale))).toList();
        Map<String, @Nullable String> form = new LinkedHashMap<>();
        form.put("q", q);
        form.put("touchpoint", touchpoint);
        form.put("from", from);
        form.put("to", to);
        form.put("label", label);
        model.addAttribute("form", form);
        model.addAttribute("touchpoints", all);
        model.addAttribute("labels", SentimentLabel.values());
        model.addAttribute("sources", allowed);
        Set<TextSource> chosen = chosen(source, allowed);
        model.addAttribute("chosen", chosen);
        model.addAttribute("analyst", analyst);
        boolean asked = q != null || touchpoint != null || from != null || to != null || label != null || source != null;
        model.addAttribute("asked", asked);
        if (!asked) {
            return "textinsight/search";
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        TouchpointId where = RequestValues.collecting(errors,
                () -> RequestValues.id("touchpoint", touchpoint, TouchpointId::new, "textinsight.invalid.touchpoint"));
        LocalDate first = RequestValues.collecting(errors, () -> RequestValues.date("from", from, "textinsight.invalid.searchDate"));
        LocalDate last = RequestValues.collecting(errors, () -> RequestValues.date("to", to, "textinsight.invalid.searchDate"));
        SentimentLabel feeling = RequestValues.collecting(errors,
                () -> RequestValues.choice("label", label, SentimentLabel.class, "textinsight.invalid.label"));
        if (q != null && (q.length() > LONGEST_QUERY || TextSearch.stems(q).size() > MOST_WORDS)) {
            // Each word is a condition of its own in the query: a pasted paragraph is refused, not run.
            errors.add(InvalidInputException.FieldError.of("q", "textinsight.invalid.searchWords", MOST_WORDS, LONGEST_QUERY));
        }
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(InvalidInputException.FieldError.of("to", "textinsight.invalid.searchPeriod", from, to));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("asked", false);
            return "textinsight/search";
        }
        ZoneId zone = organisations.current().timeZone();
        TextSearch.Found found = search.search(new TextSearch.Query(q == null ? "" : q, chosen, where,
                first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(), feeling),
                analyst ? PurposeId.SERVICE_IMPROVEMENT : PurposeId.COMPLAINT_HANDLING);
        DateTimeFormatter inWords = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        List<Result> results = new ArrayList<>();
        for (TextSearch.Hit hit : found.hits()) {
            String name = hit.touchpoint() == null ? null : touchpoints.byId(hit.touchpoint()).map(t -> t.name(locale)).orElse(null);
            results.add(new Result(hit.source().messageKey(), name, inWords.format(hit.writtenAt().atZone(zone)),
                    "textinsight.label." + hit.label().code(), hit.excerpt(), link(hit)));
        }
        model.addAttribute("results", results);
        model.addAttribute("withheld", found.withheld());
        model.addAttribute("more", found.more());
        return "textinsight/search";
    }

    private static Set<TextSource> chosen(@Nullable List<String> asked, Set<TextSource> allowed) {
        if (asked == null || asked.isEmpty()) {
            return allowed;
        }
        Set<TextSource> chosen = EnumSet.noneOf(TextSource.class);
        for (String name : asked) {
            for (TextSource source : allowed) {
                if (source.name().equalsIgnoreCase(name.strip())) {
                    chosen.add(source);
                }
            }
        }
        return chosen.isEmpty() ? allowed : chosen;
    }

    private static String link(TextSearch.Hit hit) {
        UUID id = hit.ref();
        return switch (hit.source()) {
            case COMMENT -> hit.touchpoint() == null ? "/search" : "/listening/touchpoints/" + hit.touchpoint().value() + "/comments";
            case CASE -> "/cases/" + id;
            case NOTE, CONTACT_REASON -> "/notes#note-" + id;
        };
    }

    private boolean analyst() {
        return users.current().map(u -> u.roles().contains(Role.ADMIN) || u.roles().contains(Role.ANALYST)).orElse(false);
    }
}
