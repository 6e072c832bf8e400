package nl.buitenin.signals.internal.market;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.insight.ThemedAnswers;
import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.privacy.SmallCells;

/**
 * The themes of loop's taxonomy an analyst links to a market signal, and per linked theme how many comments carried it
 * per month. Counts come from loop through insight's {@link ThemedAnswers} (response ids only, under the rule loop's own
 * figures use), so signals reads no text and no loop table; a month with fewer than k comments is hidden.
 */
@Service
public class SignalThemes {

    /** How many months, the current one included, the chain shows per theme. */
    public static final int MONTHS = 6;

    private final JdbcMarketSignals signals;
    private final MarketSignals marketSignals;
    private final ThemeTaxonomy taxonomy;
    private final ThemedAnswers themedAnswers;
    private final SmallCellRule smallCells;
    private final Organisations organisations;
    private final Clock clock;

    SignalThemes(JdbcMarketSignals signals, MarketSignals marketSignals, ThemeTaxonomy taxonomy, ThemedAnswers themedAnswers,
            SmallCellRule smallCells, Organisations organisations, Clock clock) {
        this.signals = signals;
        this.marketSignals = marketSignals;
        this.taxonomy = taxonomy;
        this.themedAnswers = themedAnswers;
        this.smallCells = smallCells;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** One month of a theme: the comments that carried it, hidden when fewer than k. */
    public record Month(YearMonth month, SmallCells.Suppressed comments) {
    }

    /** A linked theme by its names, with its months oldest first. */
    public record ThemeComments(UUID theme, String nameNl, String nameEn, List<Month> months) {

        public String name(@Nullable Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameNl;
        }
    }

    /** Links these themes (ids) to the signal; a theme that is not in the taxonomy is refused by its index. */
    @Transactional
    public void link(UUID signal, @Nullable List<String> themes) {
        marketSignals.require(signal);
        if (themes == null || themes.isEmpty()) {
            throw InvalidInputException.of("themes", "signals.invalid.market.themes.none");
        }
        List<FieldError> errors = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            String field = "themes[" + i + "]";
            String raw = themes.get(i);
            try {
                ThemeId id = RequestValues.id(field, raw, ThemeId::new, "signals.invalid.market.theme");
                if (id == null || taxonomy.byId(id).isEmpty()) {
                    errors.add(FieldError.of(field, "signals.invalid.market.theme", raw == null ? "" : raw.strip()));
                } else {
                    ids.add(id.value());
                }
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ids.forEach(theme -> signals.linkTheme(signal, theme));
    }

    @Transactional
    public void unlink(UUID signal, UUID theme) {
        marketSignals.require(signal);
        signals.unlinkTheme(signal, theme);
    }

    /**
     * Per linked theme still in the taxonomy (by Dutch name), the comments that carried it in each of the last
     * {@link #MONTHS} months in the organisation's time zone, the current month so far included.
     */
    @Transactional(readOnly = true)
    public List<ThemeComments> comments(UUID signal) {
        marketSignals.require(signal);
        ZoneId zone = organisations.current().timeZone();
        Instant now = clock.instant();
        YearMonth last = YearMonth.from(now.atZone(zone));
        List<ThemeComments> result = new ArrayList<>();
        for (UUID theme : signals.themes(signal)) {
            Optional<ThemeDefinition> definition = taxonomy.byId(new ThemeId(theme));
            if (definition.isEmpty()) {
                continue;
            }
            List<Month> months = new ArrayList<>();
            for (YearMonth month = last.minusMonths(MONTHS - 1); !month.isAfter(last); month = month.plusMonths(1)) {
                Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
                Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
                long count = themedAnswers.responsesWith(theme, from, to).size();
                months.add(new Month(month, smallCells.suppress(count, count)));
            }
            result.add(new ThemeComments(theme, definition.get().nameNl(), definition.get().nameEn(), List.copyOf(months)));
        }
        result.sort(Comparator.comparing(ThemeComments::nameNl));
        return List.copyOf(result);
    }
}
