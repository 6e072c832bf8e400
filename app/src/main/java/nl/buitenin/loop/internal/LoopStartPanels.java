package nl.buitenin.loop.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.loop.TeamLeads;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ReadableDates;
import nl.buitenin.platform.StartFigure;
import nl.buitenin.platform.StartPanel;
import nl.buitenin.platform.StartPanel.Text;
import nl.buitenin.privacy.SmallCells;
import nl.buitenin.privacy.SmallCellRule;

/**
 * The loop's start-page panels: for the CX manager the told-back share (from {@link LoopFigures}, over the figures
 * page's default period) and the cases at risk of breaching their deadline within a day; for an agent their queue
 * and what is due today; for a team lead the breaches and the ageing of the team's cases ({@link CaseAgeing}, as on
 * the team lead's page).
 */
@Configuration(proxyBeanMethods = false)
class LoopStartPanels {

    /** A case is at risk when its deadline falls within this long from now. */
    static final Duration AT_RISK = Duration.ofDays(1);

    @Bean
    StartPanel loopManagerPanel(LoopFigures figures, CaseFiles cases, Organisations organisations, SmallCellRule smallCells, Clock clock) {
        return StartPanel.of("loop.start.manager.title", 400, Set.of("ANALYST"), "home.panel.empty", (username, locale) -> {
            ZoneId zone = organisations.current().timeZone();
            Instant now = clock.instant();
            return managerFigures(figures, cases, smallCells, zone, now, locale);
        });
    }

    @Bean
    StartPanel loopAgentPanel(Users users, CaseFiles cases, Organisations organisations, Clock clock) {
        return StartPanel.of("loop.start.agent.title", 401, Set.of("AGENT"), "home.panel.empty", (username, locale) -> users.byUsername(username)
                .map(me -> agentFigures(me, cases, organisations.current().timeZone(), clock.instant()))
                .orElse(List.of()));
    }

    @Bean
    StartPanel loopLeadPanel(CaseFiles cases, TeamLeads leads, Clock clock) {
        return StartPanel.of("loop.start.lead.title", 405, Set.of("AGENT"), username -> leads.teamLedBy(username).isPresent(),
                "home.panel.empty", (username, locale) -> leads.teamLedBy(username)
                        .map(team -> leadFigures(CaseAgeing.of(cases.openOfTeam(team, 2000), clock.instant())))
                        .orElse(List.of()));
    }

    @Bean
    StartPanel loopThemesPanel(RisingThemes themes, SmallCellRule smallCells, Clock clock) {
        return StartPanel.of("loop.start.themes.title", 410, Set.of("ANALYST"), "loop.start.themes.empty",
                (username, locale) -> themeFigures(themes.at(clock.instant(), 6), smallCells, locale));
    }

    static List<StartFigure> themeFigures(List<RisingThemes.Rise> rises, SmallCellRule smallCells, Locale locale) {
        return rises.stream().map(rise -> StartFigure.count(Text.of("loop.start.theme", rise.name(locale)), rise.now(), "/loop/themes")
                .withNote(smallCells.hides(rise.peopleBefore())
                        ? Text.of("loop.start.theme.beforeHidden", smallCells.k())
                        : Text.of("loop.start.theme.before", rise.before())))
                .toList();
    }

    static List<StartFigure> managerFigures(LoopFigures figures, CaseFiles cases, SmallCellRule smallCells, ZoneId zone, Instant now,
            Locale locale) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        // The figures page's default period: from the first of the month a year ago up to today.
        LocalDate from = today.minusYears(1).withDayOfMonth(1);
        List<LoopFigures.Row> rows = figures.by(LoopFigures.Dimension.TEAM, from.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant(), now);
        Share told = rows.get(rows.size() - 1).toldBack();
        Text label = Text.of("loop.start.toldBack", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(from));
        List<StartFigure> result = new ArrayList<>();
        if (told == null) {
            result.add(StartFigure.without(label, Text.of("loop.start.toldBack.none"), "/loop/figures"));
        } else if (told.hidden()) {
            result.add(StartFigure.without(label, Text.of("home.figure.hidden", told.fewerThan()), "/loop/figures"));
        } else {
            StartFigure share = StartFigure.estimate(label, StartFigure.Format.PERCENT, told.n(), 100 * told.value(), 100 * told.low(),
                    100 * told.high(), "/loop/figures");
            result.add(scheduled(rows.get(rows.size() - 1), zone, now, locale).map(share::withNote).orElse(share));
        }
        List<CaseFile> atRisk = cases.workingDueBetween(now, now.plus(AT_RISK));
        long people = atRisk.stream().map(c -> c.person() == null ? "case:" + c.id() : c.person().value()).distinct().count();
        SmallCells.Suppressed count = smallCells.suppress(atRisk.size(), people);
        Text riskLabel = Text.of("loop.start.atRisk");
        result.add(count.hidden()
                ? StartFigure.without(riskLabel, Text.of("home.figure.hidden", count.k()), "/loop/figures")
                : StartFigure.count(riskLabel, atRisk.size(), "/loop/figures").withNote(Text.of("loop.start.atRisk.note")));
        return result;
    }

    /**
     * Told-back messages held back by quiet hours are on their way, not missing: "and 40 % scheduled for 09:00", so that a
     * share of 0 % before nine in the morning reads as what it is.
     */
    static Optional<Text> scheduled(LoopFigures.Row total, ZoneId zone, Instant now, Locale locale) {
        Share held = total.scheduled();
        if (held == null || held.hidden() || held.successes() == 0 || total.scheduledFor() == null) {
            return Optional.empty();
        }
        return Optional.of(Text.of("loop.start.toldBack.scheduled", Math.round(100 * held.value()),
                ReadableDates.of(locale, zone).moment(total.scheduledFor(), now)));
    }

    static List<StartFigure> agentFigures(User me, CaseFiles cases, ZoneId zone, Instant now) {
        UUID id = me.id().value();
        List<CaseFile> mine = cases.openOwnedBy(id, 2000).stream().filter(CaseFile::canWork).toList();
        Instant endOfToday = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        long dueToday = mine.stream().filter(c -> !c.isOverdue(now) && !c.deadline().isAfter(endOfToday)).count();
        long overdue = mine.stream().filter(c -> c.isOverdue(now)).count();
        List<StartFigure> result = new ArrayList<>();
        result.add(StartFigure.count(Text.of("loop.start.mine"), mine.size(), "/cases"));
        result.add(StartFigure.count(Text.of("loop.start.dueToday"), dueToday, "/cases"));
        result.add(StartFigure.count(Text.of("loop.start.overdue"), overdue, "/cases"));
        if (me.team() != null) {
            long unassigned = cases.openOfTeam(me.team(), 2000).stream().filter(c -> c.canWork() && c.owner() == null).count();
            result.add(StartFigure.count(Text.of("loop.start.unassigned", me.team()), unassigned, "/cases"));
        }
        return result;
    }

    static List<StartFigure> leadFigures(CaseAgeing ageing) {
        String link = "/team-lead/cases";
        List<StartFigure> result = new ArrayList<>();
        result.add(StartFigure.count(Text.of("loop.start.breaches"), ageing.breaches(), link));
        result.add(ageing.oldestDays() < 0
                ? StartFigure.without(Text.of("loop.start.oldest"), Text.of("loop.start.noneOpen"), link)
                : StartFigure.count(Text.of("loop.start.oldest"), ageing.oldestDays(), link));
        ageing.bands().forEach((band, count) -> result.add(StartFigure.count(band.startsWith(">")
                ? Text.of("loop.start.bandOver", band.substring(1)) : Text.of("loop.start.band", band.replace('-', '–')), count, link)));
        return result;
    }
}
