package nl.buitenin.signals.demo.missed;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.signals.internal.market.DecisionInput;
import nl.buitenin.signals.internal.market.MarketSignal;
import nl.buitenin.signals.internal.market.MarketSignals;
import nl.buitenin.signals.internal.market.SignalInput;
import nl.buitenin.signals.internal.market.SignalThemes;
import nl.buitenin.signals.internal.missed.MissedSaleInput;
import nl.buitenin.signals.internal.missed.MissedSales;

/**
 * Buitenpad's missed sales over the last 26 weeks: more and more people ask for walking trips to Cuba and with children,
 * a few ask for a trip a wheelchair can join, and some for other things; at the counters in three towns, on the phone,
 * by e-mail and on the website. Three market signals: "vraag naar verre wandelreizen" groups the far-away trips and led
 * to an improvement action planned in loop; the question for trips with children is still open; a walking app that
 * guides itself was decided not to be acted on.
 */
@Component
class MissedSalesDemo implements DemoStep {

    static final int WEEKS = 26;

    private final MissedSales missedSales;
    private final MarketSignals signals;
    private final SignalThemes signalThemes;
    private final ThemeTaxonomy themes;
    private final Users users;

    MissedSalesDemo(MissedSales missedSales, MarketSignals signals, SignalThemes signalThemes, ThemeTaxonomy themes, Users users) {
        this.missedSales = missedSales;
        this.signalThemes = signalThemes;
        this.signals = signals;
        this.themes = themes;
        this.users = users;
    }

    /** A thing asked for: spellings as staff write it, its reason, per-week rate at the start and at the end. */
    record Ask(List<String> spellings, String reason, double startPerWeek, double endPerWeek) {
    }

    static final List<Ask> ASKS = List.of(
            new Ask(List.of("Cuba", "Cuba", "cuba", "CUBA "), "NOT_IN_RANGE", 0.5, 7),
            new Ask(List.of("wandelreis met kinderen", "Wandelreis met kinderen", "wandelreis  met kinderen"), "NOT_IN_RANGE", 0.5, 5),
            new Ask(List.of("rolstoeltoegankelijk", "Rolstoeltoegankelijk"), "NOT_POSSIBLE", 1, 1),
            new Ask(List.of("wandelreis Costa Rica"), "NOT_IN_RANGE", 0.3, 1.5),
            new Ask(List.of("Pieterpad in mei"), "SOLD_OUT", 0.6, 0.6),
            new Ask(List.of("huttentocht IJsland"), "TOO_EXPENSIVE", 0.4, 0.4),
            new Ask(List.of("hond mee op reis"), "OTHER", 0.2, 0.2));

    static final List<String> SHOPS = List.of("Utrecht", "Amsterdam", "Zwolle");

    @Override
    public int order() {
        return 700;
    }

    @Override
    public String name() {
        return "missed-sales";
    }

    @Override
    public void load(DemoContext context) {
        Random random = context.random(name());
        @Nullable List<PersonKey> known = context.get("privacy.persons");
        List<PersonKey> persons = known == null ? List.of() : known;
        UUID agent = users.byUsername("medewerker").map(u -> u.id().value()).orElse(null);
        double scale = Math.max(1, context.people() / 400.0);
        List<MissedSaleInput> items = new ArrayList<>();
        LocalDate firstMonday = context.today().minusWeeks(WEEKS).with(java.time.DayOfWeek.MONDAY);
        int n = 0;
        for (int week = 0; week < WEEKS; week++) {
            double progress = week / (double) (WEEKS - 1);
            for (Ask ask : ASKS) {
                int count = poisson(random, scale * (ask.startPerWeek() + (ask.endPerWeek() - ask.startPerWeek()) * progress));
                for (int i = 0; i < count; i++) {
                    LocalDate day = firstMonday.plusWeeks(week).plusDays(random.nextInt(6));
                    if (!day.isBefore(context.today())) {
                        continue;
                    }
                    items.add(item(context.zone(), day, random, ask, persons, n++));
                }
            }
        }
        for (int from = 0; from < items.size(); from += MissedSales.MAX_BATCH) {
            missedSales.record(items.subList(from, Math.min(items.size(), from + MissedSales.MAX_BATCH)), agent);
        }
        signals(context);
    }

    private static MissedSaleInput item(ZoneId zone, LocalDate day, Random random, Ask ask, List<PersonKey> persons, int n) {
        double where = random.nextDouble();
        String channel = where < 0.55 ? "LOCATION" : where < 0.8 ? "PHONE" : where < 0.92 ? "EMAIL" : "WEB";
        String location = channel.equals("LOCATION") ? SHOPS.get(random.nextInt(SHOPS.size())) : null;
        // Known customers on the phone, by e-mail and on the web; some ask twice, so askers are fewer than missed sales.
        String person = !channel.equals("LOCATION") && !persons.isEmpty() ? persons.get(random.nextInt(Math.min(persons.size(), 120))).value()
                : null;
        ZonedDateTime at = ZonedDateTime.of(day, LocalTime.of(9 + random.nextInt(8), random.nextInt(60)), zone);
        String spelling = ask.spellings().get(random.nextInt(ask.spellings().size()));
        return new MissedSaleInput("demo-missed-" + n, spelling, channel, location, ask.reason(), null, person, at.toOffsetDateTime().toString());
    }

    private void signals(DemoContext context) {
        User analyst = users.byUsername("analist").orElseThrow();
        User agent = users.byUsername("medewerker").orElse(analyst);
        LocalDate today = context.today();
        MarketSignal far = signals.create(new SignalInput("DEMAND_SHIFT", "Vraag naar verre wandelreizen",
                "nee-verkopen aan de balie en de telefoon", today.minusWeeks(10).toString(),
                "Steeds meer mensen vragen naar wandelreizen buiten Europa, vooral naar Cuba en Costa Rica. Wij bieden die niet aan."),
                analyst.id().value());
        signals.group(far.id(), List.of("Cuba", "wandelreis Costa Rica"));
        ThemeDefinition range = themes.add("aanbod van reizen", "range of trips",
                List.of("ik zocht een wandelreis naar Cuba", "geen reizen met kinderen", "staat niet in het aanbod"));
        // The chain also counts the comments about the range, so missed sales and what people write can be read side by side.
        signalThemes.link(far.id(), List.of(range.id().value().toString()));
        signals.decide(far.id(), new DecisionInput("ACTION", null, "Proefreis Cuba in het aanbod voor het voorjaar",
                "Trial walking trip to Cuba in the spring range", range.id().value().toString(), today.plusMonths(3).toString(), null),
                analyst.id().value(), today.minusWeeks(6).atTime(11, 0).atZone(context.zone()).toInstant());

        MarketSignal children = signals.create(new SignalInput("DEMAND_SHIFT", "Gezinnen vragen om wandelreizen met kinderen",
                "balie Utrecht", today.minusWeeks(3).toString(),
                "Aan de balie vragen ouders vaker naar korte wandelreizen met kinderen, met kortere etappes."), agent.id().value());
        signals.group(children.id(), List.of("wandelreis met kinderen"));

        MarketSignal app = signals.create(new SignalInput("NEW_TECHNIQUE", "Wandelapp met zelfgeleide routes",
                "vakbeurs Fiets en Wandel", today.minusWeeks(14).toString(),
                "Een nieuwe app biedt zelfgeleide wandelroutes met bagagevervoer, zonder gids."), analyst.id().value());
        signals.decide(app.id(), new DecisionInput("NO_ACTION", null, null, null, null, null,
                "Onze reizigers kiezen juist voor een gids en een groep; we volgen het wel in het volgende kwartaal."),
                analyst.id().value(), today.minusWeeks(12).atTime(15, 0).atZone(context.zone()).toInstant());
    }

    /** Knuth's method: a count with the given mean, deterministic from the step's random. */
    static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
