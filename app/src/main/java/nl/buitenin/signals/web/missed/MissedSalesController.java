package nl.buitenin.signals.web.missed;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import nl.buitenin.access.Allow;
import nl.buitenin.access.AnySignedIn;
import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.journey.Channel;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.signals.internal.missed.JdbcMissedSales;
import nl.buitenin.signals.internal.missed.MissedReason;
import nl.buitenin.signals.internal.missed.MissedSaleInput;
import nl.buitenin.signals.internal.missed.MissedSaleReadings;
import nl.buitenin.signals.internal.missed.MissedSales;

/**
 * Missed sales on pages. Logging is made for a phone at the counter: the channel and location stay as last chosen, the
 * things asked for most are one tap away (or typed, with earlier entries suggested), and the reason is the button that
 * saves: two taps. Analysts read the trends.
 */
@PageController
class MissedSalesController {

    static final int QUICK_PICKS = 6;
    static final int SUGGESTIONS = 50;

    private final MissedSales missedSales;
    private final JdbcMissedSales stored;
    private final MissedSaleReadings readings;
    private final Users users;
    private final SmallCellRule smallCells;

    MissedSalesController(MissedSales missedSales, JdbcMissedSales stored, MissedSaleReadings readings, Users users, SmallCellRule smallCells) {
        this.missedSales = missedSales;
        this.stored = stored;
        this.readings = readings;
        this.users = users;
        this.smallCells = smallCells;
    }

    @GetMapping("/signals/missed")
    @AnySignedIn
    String logPage(@RequestParam(required = false) @Nullable String channel, @RequestParam(required = false) @Nullable String location,
            Model model) {
        List<String> suggestions = stored.suggestions("", SUGGESTIONS);
        model.addAttribute("quickPicks", suggestions.stream().limit(QUICK_PICKS).toList());
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("locations", stored.locations());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("reasons", MissedReason.values());
        Channel chosen = null;
        try {
            chosen = RequestValues.choice("channel", channel, Channel.class, "signals.invalid.missed.channel", String.valueOf(channel));
        } catch (InvalidInputException e) {
            chosen = null;
        }
        model.addAttribute("channel", chosen == null ? Channel.LOCATION : chosen);
        model.addAttribute("location", RequestValues.blank(location) ? "" : location.strip());
        return "signals/missed-log";
    }

    @PostMapping("/signals/missed")
    @AnySignedIn
    String log(@RequestParam(required = false) @Nullable String askedFor, @RequestParam(required = false) @Nullable String suggested,
            @RequestParam(required = false) @Nullable String channel, @RequestParam(required = false) @Nullable String location,
            @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        String what = RequestValues.blank(askedFor) ? suggested : askedFor;
        UUID user = users.current().orElseThrow().id().value();
        try {
            missedSales.log(new MissedSaleInput("page-" + UUID.randomUUID(), what, channel, location, reason, note, null, null), user);
            redirect.addFlashAttribute("saved", what.strip());
            redirect.addFlashAttribute("savedReason", MissedReason.valueOf(reason.strip().toUpperCase(java.util.Locale.ROOT)).messageKey());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
            redirect.addFlashAttribute("askedFor", what);
            redirect.addFlashAttribute("note", note);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/signals/missed").queryParamIfPresent("channel", optional(channel))
                .queryParamIfPresent("location", optional(location)).encode().build().toUriString();
    }

    @GetMapping("/signals/missed/trends")
    @Allow({Role.ADMIN, Role.ANALYST})
    String trends(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String thing, Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("k", smallCells.k());
        try {
            LocalDate start = RequestValues.date("from", from, "signals.invalid.missed.date");
            LocalDate end = RequestValues.date("to", to, "signals.invalid.missed.date");
            MissedSaleReadings.Figures figures = readings.read(readings.period(start, end), thing, 20);
            model.addAttribute("figures", figures);
            model.addAttribute("view", MissedSalesView.of(figures, smallCells));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return "signals/missed-trends";
    }

    private static java.util.Optional<String> optional(@Nullable String value) {
        return RequestValues.blank(value) ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }
}
