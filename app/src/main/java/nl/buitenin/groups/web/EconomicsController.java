package nl.buitenin.groups.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.groups.internal.EconomicsInput;
import nl.buitenin.groups.internal.EconomicsWork;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.SplitComparison;
import nl.buitenin.groups.internal.SplitEconomics;
import nl.buitenin.groups.internal.SplitAgents;
import nl.buitenin.groups.internal.SplitGains;
import nl.buitenin.groups.internal.SplitSettings;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;

/**
 * The page "Kosten en baten": per group of a split the extra guides' hours and cost a month against the change the split
 * brought (NPS and the watched theme, with intervals) and the revenue at stake; in total, and as one sentence that
 * answers "the costs go up — does everyone agree?". A what-if drops, merges or adds a group. Administrators enter the
 * numbers on the same page; analysts read.
 */
@PageController
class EconomicsController {

    private final SplitComparison comparison;
    private final SplitEconomics economics;
    private final EconomicsWork work;
    private final SplitSettings settings;
    private final SplitQuery.Reader queries;
    private final MessageSource messages;
    private final SplitGains gains;

    EconomicsController(SplitComparison comparison, SplitEconomics economics, EconomicsWork work, SplitSettings settings,
            SplitQuery.Reader queries, MessageSource messages, SplitGains gains) {
        this.gains = gains;
        this.comparison = comparison;
        this.economics = economics;
        this.work = work;
        this.settings = settings;
        this.queries = queries;
        this.messages = messages;
    }

    record Line(String name, String extraGuides, String hours, String cost, String members, String perMember, String nps, String theme,
            String revenue, boolean entered) {
    }

    /** A row of the gains read from interactions: repeat purchase and retention, each before, after and the change. */
    record GainLine(String name, String purchaseBefore, String purchaseAfter, String purchaseChange, String retentionBefore,
            String retentionAfter, String retentionChange) {
    }

    /** A row of the agents' table: calls and agent hours a month before and after the split, the extra hours and cost. */
    record AgentRow(String name, String callsBefore, String callsAfter, String hoursBefore, String hoursAfter, String extraHours,
            String extraCost) {
    }

    record Entry(String id, String name, String trips, String before, String after, String revenue) {
    }

    @GetMapping("/groups/economics")
    @Allow({Role.ADMIN, Role.ANALYST})
    String page(@RequestParam(required = false) @Nullable String split, @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String weeks, @RequestParam(required = false) @Nullable String theme,
            @RequestParam(required = false) @Nullable String whatIf, @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable String into, @RequestParam(required = false) @Nullable String trips,
            @RequestParam(required = false) @Nullable String guides, Model model, Locale locale) {
        model.addAttribute("splits", comparison.splits());
        model.addAttribute("themes", comparison.themes());
        model.addAttribute("whatIfChoice", whatIf);
        model.addAttribute("trips", trips);
        model.addAttribute("guides", guides);
        try {
            Optional<SplitQuery> read = queries.read(split, date, weeks, theme);
            if (read.isEmpty()) {
                return "groups/economics";
            }
            SplitQuery query = read.get();
            fill(model, query, EconomicsQuery.whatIf(whatIf, group, into, trips, guides, comparison.groupsOf(query.split())), locale);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return "groups/economics";
    }

    @PostMapping("/groups/economics")
    @Allow(Role.ADMIN)
    String save(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale, Principal principal) {
        String split = form.getFirst("split");
        model.addAttribute("splits", comparison.splits());
        model.addAttribute("themes", comparison.themes());
        try {
            String chosen = RequestValues.required("split", split, "groups.invalid.split.missing");
            List<FieldError> errors = new ArrayList<>();
            UUID theme = RequestValues.collecting(errors, () -> RequestValues.uuid("theme", form.getFirst("theme"), "groups.invalid.theme"));
            Double hourly = RequestValues.collecting(errors, () -> RequestValues.decimal("hourlyCost", form.getFirst("hourlyCost"),
                    "groups.invalid.economics.number"));
            Double hours = RequestValues.collecting(errors, () -> RequestValues.decimal("hoursPerTrip", form.getFirst("hoursPerTrip"),
                    "groups.invalid.economics.number"));
            Double agentCost = RequestValues.collecting(errors, () -> RequestValues.decimal("agentHourlyCost", form.getFirst("agentHourlyCost"),
                    "groups.invalid.economics.number"));
            Double servicePercent = RequestValues.collecting(errors, () -> RequestValues.decimal("servicePercent",
                    form.getFirst("servicePercent"), "groups.invalid.economics.number"));
            Double serviceSeconds = RequestValues.collecting(errors, () -> RequestValues.decimal("serviceSeconds",
                    form.getFirst("serviceSeconds"), "groups.invalid.economics.number"));
            Double aht = RequestValues.collecting(errors, () -> RequestValues.decimal("ahtSeconds", form.getFirst("ahtSeconds"),
                    "groups.invalid.economics.number"));
            List<EconomicsInput.GroupLine> lines = new ArrayList<>();
            List<Group> groups = comparison.groupsOf(chosen);
            for (int i = 0; i < groups.size(); i++) {
                String at = "groups[" + i + "].";
                Double t = RequestValues.collecting(errors, () -> RequestValues.decimal(at + "tripsPerMonth",
                        form.getFirst(at + "tripsPerMonth"), "groups.invalid.economics.number"));
                Double b = RequestValues.collecting(errors, () -> RequestValues.decimal(at + "guidesBefore",
                        form.getFirst(at + "guidesBefore"), "groups.invalid.economics.number"));
                Double a = RequestValues.collecting(errors, () -> RequestValues.decimal(at + "guidesAfter",
                        form.getFirst(at + "guidesAfter"), "groups.invalid.economics.number"));
                Double r = RequestValues.collecting(errors, () -> RequestValues.decimal(at + "revenuePerPerson",
                        form.getFirst(at + "revenuePerPerson"), "groups.invalid.economics.number"));
                lines.add(new EconomicsInput.GroupLine(groups.get(i).id().value(), t, b, a, r));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            work.save(new EconomicsInput(chosen, theme, hourly, hours, lines, agentCost, servicePercent, serviceSeconds, aht),
                    principal.getName());
            return "redirect:/groups/economics?split=" + java.net.URLEncoder.encode(chosen, java.nio.charset.StandardCharsets.UTF_8) + "&saved=1";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            try {
                queries.read(split, null, null, null).ifPresent(q -> fill(model, q, null, locale));
            } catch (InvalidInputException ignored) {
                // the split itself was wrong: the errors above say so
            }
            return "groups/economics";
        }
    }

    private void fill(Model model, SplitQuery query, SplitEconomics.@Nullable WhatIf whatIf, Locale locale) {
        model.addAttribute("query", query);
        SplitComparison.Result result = comparison.compare(query.split(), query.beforeFrom(), query.at(), query.afterTo(), query.theme());
        SplitEconomics.Result figures = economics.of(result, whatIf);
        String themeName = result.theme() == null ? null : result.theme().name(locale);
        model.addAttribute("themeName", themeName);
        model.addAttribute("groups", comparison.groupsOf(query.split()));
        model.addAttribute("lines", figures.lines().stream().map(l -> line(l, locale)).toList());
        SplitGains.Result gained = gains.of(result);
        List<GainLine> gainLines = new java.util.ArrayList<>();
        gained.groups().forEach(g -> gainLines.add(gainLine(g.group().name(locale), g, locale)));
        gainLines.add(gainLine(messages.getMessage("groups.economics.gains.everyone", null, locale), gained.everyone(), locale));
        model.addAttribute("gainLines", gainLines);
        model.addAttribute("repeatWindow", gained.repeatWindow());
        agents(model, figures.agents(), locale);
        model.addAttribute("total", EconomicsWords.money(figures.extraCostPerMonth(), locale));
        model.addAttribute("totalHours", EconomicsWords.number(figures.extraHoursPerMonth(), locale));
        model.addAttribute("complete", figures.complete());
        model.addAttribute("answer", EconomicsWords.answer(figures, result, themeName, messages, locale));
        if (figures.whatIf() != null) {
            model.addAttribute("whatIfText", EconomicsWords.whatIf(figures.whatIf(), figures.lines(), messages, locale));
        }
        SplitSettings.Split split = figures.split();
        model.addAttribute("hourlyCost", split.hourlyCost() == null ? "" : EconomicsWords.plain(split.hourlyCost(), locale));
        model.addAttribute("hoursPerTrip", split.hoursPerTrip() == null ? "" : EconomicsWords.plain(split.hoursPerTrip(), locale));
        model.addAttribute("settingTheme", split.theme());
        model.addAttribute("agentHourlyCost", split.agentHourlyCost() == null ? "" : EconomicsWords.plain(split.agentHourlyCost(), locale));
        model.addAttribute("servicePercent", split.servicePercent() == null ? "" : EconomicsWords.plain(split.servicePercent(), locale));
        model.addAttribute("serviceSeconds", split.serviceSeconds() == null ? "" : EconomicsWords.plain(split.serviceSeconds(), locale));
        model.addAttribute("ahtSeconds", split.ahtSeconds() == null ? "" : EconomicsWords.plain(split.ahtSeconds(), locale));
        Map<nl.buitenin.groups.GroupId, SplitSettings.GroupCosts> costs = settings.costs();
        model.addAttribute("entries", comparison.groupsOf(query.split()).stream().map(g -> {
            SplitSettings.GroupCosts c = costs.get(g.id());
            return new Entry(g.id().value().toString(), g.name(locale), c == null ? "" : EconomicsWords.plain(c.tripsPerMonth(), locale),
                    c == null ? "" : EconomicsWords.plain(c.guidesBefore(), locale), c == null ? "" : EconomicsWords.plain(c.guidesAfter(), locale),
                    c == null || c.revenuePerPerson() == null ? "" : EconomicsWords.plain(c.revenuePerPerson(), locale));
        }).toList());
    }

    private Line line(SplitEconomics.GroupLine l, Locale locale) {
        String none = messages.getMessage("groups.economics.none", null, locale);
        String hidden = messages.getMessage("groups.economics.hidden", null, locale);
        return new Line(l.group().name(locale),
                l.costs() == null ? none : EconomicsWords.signedPlain(l.costs().guidesAfter() - l.costs().guidesBefore(), locale),
                EconomicsWords.number(l.extraHoursPerMonth(), locale), EconomicsWords.money(l.extraCostPerMonth(), locale),
                l.members() == null ? hidden : EconomicsWords.number(l.members(), locale),
                l.costPerMemberPerMonth() == null ? none : EconomicsWords.money(l.costPerMemberPerMonth(), locale),
                EconomicsWords.change(l.nps(), false, messages, locale), EconomicsWords.change(l.theme(), true, messages, locale),
                l.revenuePerYear() == null ? none : EconomicsWords.money(l.revenuePerYear(), locale), l.costs() != null);
    }

    /** The agents' table, the sentence on how the hours were computed, and each group's arithmetic in words. */
    private void agents(Model model, SplitAgents.Result agents, Locale locale) {
        String hidden = messages.getMessage("groups.economics.hidden", null, locale);
        String none = messages.getMessage("groups.economics.none", null, locale);
        List<AgentRow> rows = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (SplitAgents.AgentLine l : agents.lines()) {
            String name = l.group().name(locale);
            if (l.hidden()) {
                rows.add(new AgentRow(name, hidden, hidden, hidden, hidden, hidden, hidden));
                words.add(messages.getMessage("groups.economics.agents.hiddenLine", new Object[] {name}, locale));
                continue;
            }
            rows.add(new AgentRow(name, EconomicsWords.number(l.before().callsPerMonth(), locale),
                    EconomicsWords.number(l.after().callsPerMonth(), locale), EconomicsWords.decimal(l.before().agentHoursPerMonth(), locale),
                    EconomicsWords.decimal(l.after().agentHoursPerMonth(), locale), EconomicsWords.signedDecimal(l.extraHoursPerMonth(), locale),
                    l.extraCostPerMonth() == null ? none : EconomicsWords.money(l.extraCostPerMonth(), locale)));
            String line = messages.getMessage("groups.economics.agents.line", new Object[] {name,
                    EconomicsWords.number(l.before().calls(), locale), EconomicsWords.number(l.before().days(), locale),
                    EconomicsWords.decimal(l.before().agentHours(), locale), EconomicsWords.number(l.after().calls(), locale),
                    EconomicsWords.number(l.after().days(), locale), EconomicsWords.decimal(l.after().agentHours(), locale),
                    EconomicsWords.decimal(l.before().agentHoursPerMonth(), locale), EconomicsWords.decimal(l.after().agentHoursPerMonth(), locale),
                    EconomicsWords.signedDecimal(l.extraHoursPerMonth(), locale)}, locale);
            if (l.extraCostPerMonth() != null) {
                line += " " + messages.getMessage("groups.economics.agents.lineCost", new Object[] {
                        EconomicsWords.money(agents.agentHourlyCost(), locale), EconomicsWords.money(l.extraCostPerMonth(), locale)}, locale);
            }
            words.add(line);
        }
        model.addAttribute("agentRows", rows);
        model.addAttribute("agentWords", words);
        model.addAttribute("agentTotalHours", EconomicsWords.signedDecimal(agents.extraHoursPerMonth(), locale));
        model.addAttribute("agentTotalCost", agents.extraCostPerMonth() == null ? none : EconomicsWords.money(agents.extraCostPerMonth(), locale));
        String aht = messages.getMessage(agents.ahtMeasured() ? "groups.economics.agents.ahtMeasured" : "groups.economics.agents.ahtGiven",
                null, locale);
        model.addAttribute("agentHow", messages.getMessage("groups.economics.agents.how", new Object[] {
                EconomicsWords.number(agents.intervalMinutes(), locale), EconomicsWords.plain(agents.level().share() * 100, locale),
                EconomicsWords.plain(agents.level().seconds(), locale), EconomicsWords.plain(Math.round(agents.ahtSeconds()), locale), aht},
                locale));
        model.addAttribute("agentNoCost", agents.agentHourlyCost() == null);
    }

    private GainLine gainLine(String name, SplitGains.GroupGains g, Locale locale) {
        return new GainLine(name, side(g.repeatPurchase().before(), locale), side(g.repeatPurchase().after(), locale),
                EconomicsWords.change(g.repeatPurchase().change(), true, messages, locale), side(g.retention().before(), locale),
                side(g.retention().after(), locale), EconomicsWords.change(g.retention().change(), true, messages, locale));
    }

    /** "3 of 6: 50 % (19 … 81 %)"; "too few people" when hidden. */
    private String side(SplitGains.Side s, Locale locale) {
        if (s.hidden()) {
            return messages.getMessage("groups.economics.hidden", null, locale);
        }
        if (s.share() == null) {
            return messages.getMessage("groups.economics.notMeasured", null, locale);
        }
        return messages.getMessage("groups.economics.gains.side", new Object[] {EconomicsWords.number(s.hits(), locale),
                EconomicsWords.number(s.n(), locale), EconomicsWords.number(s.share().value(), locale),
                EconomicsWords.number(s.share().lower(), locale), EconomicsWords.number(s.share().upper(), locale)}, locale);
    }
}
