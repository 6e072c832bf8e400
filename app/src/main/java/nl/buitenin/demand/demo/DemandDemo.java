package nl.buitenin.demand.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import nl.buitenin.demand.ContactVolume;
import nl.buitenin.demand.ContactVolumes;
import nl.buitenin.demand.internal.DemandFigures;
import nl.buitenin.demand.internal.DemandProperties;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.roster.Roster;
import nl.buitenin.demand.internal.roster.RosterEntry;
import nl.buitenin.demand.internal.volume.SeriesKey;
import nl.buitenin.demand.internal.volume.Intervals;
import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.Channel;
import nl.buitenin.organisation.PublicHolidays;

/**
 * Buitenpad Wandelreizen's contact centre: the phone follows the real daily and weekly shape of a
 * bank's calls (fpp2::calls, 2003, GPL-3), scaled down to a walking-holiday organiser with a booking
 * season; web chat and the Utrecht shop are smaller. Counts are drawn from Poisson distributions around
 * those shapes, deterministic from the demo seed.
 */
@Component
class DemandDemo implements DemoStep {

    static final String PHONE_LOCATION = "Klantenservice";
    static final String CHAT_LOCATION = "Online";
    static final String SHOP_LOCATION = "Winkel Utrecht";
    static final int HISTORY_WEEKS = 32;

    /** Busier while people book (January to March), quieter before Christmas. */
    private static final double[] SEASON = {1.35, 1.3, 1.2, 1.05, 1.0, 0.95, 1.0, 0.95, 0.9, 0.9, 0.8, 0.75};

    /** Days of the demo's roster, from tomorrow: the start page's coming week. */
    static final int ROSTER_DAYS = 7;

    private final ContactVolumes volumes;
    private final DemandProperties properties;
    private final DemandFigures figures;
    private final Roster roster;

    DemandDemo(ContactVolumes volumes, DemandProperties properties, DemandFigures figures, Roster roster) {
        this.volumes = volumes;
        this.properties = properties;
        this.figures = figures;
        this.roster = roster;
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public String name() {
        return "demand";
    }

    @Override
    public void load(DemoContext context) {
        Random random = context.random(name());
        Map<DayOfWeek, List<double[]>> bank = bankQuarters();
        double bankMeanInHours = bank.values().stream().flatMap(List::stream).mapToDouble(d -> sum(d, 4, 52)).average().orElseThrow();
        double phonePerDay = 300.0 * context.people() / 2000;
        Map<Key, ContactVolume> counts = new LinkedHashMap<>();
        int dayIndex = 0;
        // The last 32 weeks, not the demo's two years: enough for the 12-week profile and an 8 + 8 week backtest,
        // while a two-year history would add most of a minute to every demo start on the embedded database.
        LocalDate first = context.today().minusWeeks(HISTORY_WEEKS).plusDays(1);
        first = first.isBefore(context.firstDay()) ? context.firstDay() : first;
        for (LocalDate date = first; !date.isAfter(context.today()); date = date.plusDays(1), dayIndex++) {
            String holiday = PublicHolidays.of(date.getYear()).get(date);
            boolean closed = holiday != null && !holiday.equals("Goede Vrijdag") && !holiday.equals("Bevrijdingsdag");
            double season = SEASON[date.getMonthValue() - 1];
            DayOfWeek weekday = date.getDayOfWeek();
            if (!closed && weekday.getValue() <= 5) {
                List<double[]> sameWeekday = bank.get(weekday);
                double[] shape = sameWeekday.get((dayIndex / 7) % sameWeekday.size());
                double scale = phonePerDay * season / bankMeanInHours;
                for (int q = 4; q < 52; q++) { // 08:00 to 20:00
                    long offered = poisson(random, shape[q] * scale);
                    long abandoned = binomial(random, offered, 0.05);
                    double aht = 285 + random.nextGaussian() * 25;
                    add(counts, context, Channel.PHONE, PHONE_LOCATION, date, LocalTime.of(7, 0).plusMinutes(15L * q), offered,
                            offered - abandoned, Math.max(60, aht), abandoned);
                }
            }
            if (!closed) {
                // Chat follows the same weekday's shape an hour later, and is open at weekends at a lower level.
                List<double[]> sameWeekday = bank.get(weekday.getValue() <= 5 ? weekday : DayOfWeek.FRIDAY);
                double[] shape = sameWeekday.get((dayIndex / 7) % sameWeekday.size());
                double scale = 0.3 * phonePerDay * season * (weekday.getValue() <= 5 ? 1 : 0.6) / bankMeanInHours;
                for (int q = 4; q < 52; q++) { // 09:00 to 21:00
                    long offered = poisson(random, shape[q] * scale);
                    add(counts, context, Channel.CHAT, CHAT_LOCATION, date, LocalTime.of(8, 0).plusMinutes(15L * q), offered,
                            offered, Math.max(60, 420 + random.nextGaussian() * 40), 0L);
                }
            }
            if (!closed && weekday != DayOfWeek.SUNDAY && weekday != DayOfWeek.MONDAY) {
                // The shop: visits peak in the early afternoon, Saturdays half as busy again.
                double perDay = 40.0 * context.people() / 2000 * season * (weekday == DayOfWeek.SATURDAY ? 1.5 : 1);
                for (int q = 0; q < 28; q++) { // 10:00 to 17:00
                    double hours = q / 4.0 + 0.125 - 3.5;
                    double share = Math.exp(-hours * hours / (2 * 1.7 * 1.7)) / (1.7 * Math.sqrt(2 * Math.PI)) / 4;
                    long offered = poisson(random, perDay * share);
                    add(counts, context, Channel.LOCATION, SHOP_LOCATION, date, LocalTime.of(10, 0).plusMinutes(15L * q), offered,
                            offered, Math.max(60, 600 + random.nextGaussian() * 90), null);
                }
            }
        }
        List<ContactVolume> all = new ArrayList<>(counts.values());
        for (int from = 0; from < all.size(); from += 5000) {
            volumes.record(all.subList(from, Math.min(all.size(), from + 5000)));
        }
        rosterTheComingWeek(random);
    }

    /**
     * The phone line's roster for the coming week, as a planner might have made it from shifts: the plan's agents (the
     * staffing page's usual goal), a few of the busiest intervals of each day short by 1 to 3 (the shifts did not cover
     * the peak) and the quiet first and last hours over by 1 or 2 (nobody is rostered for less than a shift), so the
     * staffing page and the start page show both kinds of gap.
     */
    private void rosterTheComingWeek(Random random) {
        SeriesKey phone = new SeriesKey(Channel.PHONE, PHONE_LOCATION);
        DemandFigures.Plan plan = figures.plan(phone, StaffingGoal.usual(), null, ROSTER_DAYS);
        List<RosterEntry> entries = new ArrayList<>();
        Map<LocalDate, List<DemandFigures.PlanInterval>> byDay = new TreeMap<>();
        plan.intervals().forEach(i -> byDay.computeIfAbsent(i.start().toLocalDate(), d -> new ArrayList<>()).add(i));
        byDay.forEach((day, intervals) -> {
            int peak = intervals.stream().mapToInt(DemandFigures.PlanInterval::scheduled).max().orElse(0);
            for (int k = 0; k < intervals.size(); k++) {
                DemandFigures.PlanInterval interval = intervals.get(k);
                int agents = interval.scheduled();
                boolean quiet = k < 4 || k >= intervals.size() - 4;
                if (quiet) {
                    agents += 1 + random.nextInt(2);
                } else if (agents >= 0.85 * peak && random.nextInt(3) == 0) {
                    agents = Math.max(0, agents - 1 - random.nextInt(3));
                }
                entries.add(new RosterEntry(phone, interval.start().toInstant(), agents));
            }
        });
        roster.save(entries);
    }

    private record Key(Channel channel, java.time.Instant start) {
    }

    /** Adds a quarter's count, summed into a half hour when the installation counts per 30 minutes. */
    private void add(Map<Key, ContactVolume> counts, DemoContext context, Channel channel, String location, LocalDate date,
            LocalTime time, long offered, long handled, double aht, Long abandoned) {
        ZonedDateTime start = Intervals.floor(ZonedDateTime.of(date, time, context.zone()), properties.intervalMinutes());
        Key key = new Key(channel, start.toInstant());
        ContactVolume previous = counts.get(key);
        if (previous == null) {
            counts.put(key, new ContactVolume(channel, location, start.toInstant(), offered, handled, aht, abandoned, null));
        } else {
            long total = previous.offered() + offered;
            long totalHandled = previous.handled() + handled;
            double meanAht = totalHandled == 0 ? aht : (previous.ahtSeconds() * previous.handled() + aht * handled) / totalHandled;
            counts.put(key, new ContactVolume(channel, location, start.toInstant(), total, totalHandled, meanAht,
                    abandoned == null ? null : previous.abandoned() + abandoned, null));
        }
    }

    /** The bank's days as 15-minute counts from 07:00 (57 quarters, the last one only 21:00-21:05), by weekday. */
    static Map<DayOfWeek, List<double[]>> bankQuarters() {
        Map<LocalDate, double[]> days = new TreeMap<>();
        try (var in = DemandDemo.class.getResourceAsStream("/demo/calls-bank-2003/calls_5min.csv");
                CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8),
                        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : parser) {
                int k = Integer.parseInt(r.get("interval_index")) - 1;
                days.computeIfAbsent(LocalDate.parse(r.get("date")), d -> new double[57])[k / 3] += Integer.parseInt(r.get("calls"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<DayOfWeek, List<double[]>> byWeekday = new TreeMap<>();
        days.forEach((date, quarters) -> byWeekday.computeIfAbsent(date.getDayOfWeek(), d -> new ArrayList<>()).add(quarters));
        return byWeekday;
    }

    private static double sum(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    /** Poisson draws: Knuth's product method for small means, a rounded normal for large ones. */
    static long poisson(Random random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        long k = 0;
        double product = random.nextDouble();
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    private static long binomial(Random random, long trials, double p) {
        long successes = 0;
        for (long i = 0; i < trials; i++) {
            if (random.nextDouble() < p) {
                successes++;
            }
        }
        return successes;
    }
}
