package nl.buitenin.journey.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.internal.InteractionIngest;
import nl.buitenin.journey.internal.NewInteraction;
import nl.buitenin.privacy.PersonKey;

/**
 * Two years of interactions at the demo's touchpoints with the rhythm of a walking-holiday organiser:
 * peaks in spring and late summer, trips in the walking season, shop and phone in office hours and
 * closed on Sunday, the website busiest in the evening and at the weekend. Volumes scale with the
 * number of people. Contacts at the question and complaint touchpoints carry a reason ({@link DemoReasons}): value
 * and failure demand, and people who come back about a matter that was not resolved. Recorded as history: no
 * {@code InteractionsRecorded} events are published for it.
 * <p>
 * Contacts at three staffed touchpoints carry who served the person ({@link #STAFF}): a readable pseudonym such as
 * {@code mw-014} (a team lead reads them on a page) and the team. The roster is shared as {@value #STAFF_KEY} (team to
 * staff references) and the team's touchpoint as {@value #STAFF_TOUCHPOINTS_KEY}, for the answers about those contacts.
 */
@Component
class InteractionDemo implements DemoStep {

    private static final int BATCH = 5_000;
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    /** Interactions per day at 2000 people, before season and weekday. */
    private static final Map<String, Double> DAILY_RATE = Map.ofEntries(
            Map.entry("Website", 25.0), Map.entry("Sociale media", 8.0), Map.entry("Brochure-aanvraag", 3.0),
            Map.entry("Boeken op de website", 4.0), Map.entry("Boeken per telefoon", 2.0), Map.entry("Boeken in de winkel", 1.5),
            Map.entry("Bevestigingsmail", 7.0), Map.entry("Reisinformatie in de app", 6.0), Map.entry("Vragen via de chat", 3.0),
            Map.entry("Vragen per telefoon", 3.0), Map.entry("Gids", 5.0), Map.entry("Accommodatie", 5.0),
            Map.entry("Dagetappe met de route-app", 8.0), Map.entry("Evaluatie", 3.0), Map.entry("Klacht", 0.4),
            Map.entry("Nazorg", 0.5), Map.entry("Klacht per e-mail", 0.3), Map.entry("Klacht per telefoon", 0.3),
            Map.entry("Terugbelgesprek", 0.4), Map.entry("Bezoek aan huis", 0.05), Map.entry("Oplossing per e-mail", 0.3));

    /**
     * Who works where: per team its touchpoint (by Dutch name) and eight staff members. Staff are a fixed roster, not
     * scaled with the number of customers. Klantenservice is the team the demo's {@code teamleider} leads.
     */
    static final Map<String, String> STAFF = staffedTouchpoints();
    /** The demo context key of the roster: team to its staff references, in order. */
    static final String STAFF_KEY = "journey.staff";
    /** The demo context key of each team's touchpoint: team to {@code TouchpointId}. */
    static final String STAFF_TOUCHPOINTS_KEY = "journey.staffTouchpoints";
    /** The demo context key of the staffed conversations a survey asks about ({@code InteractionsRecorded.Interaction}s). */
    static final String STAFFED_CONTACTS_KEY = "journey.staffedContacts";
    /**
     * The demo context key of the interactions of known people in the last {@value #RECENT_DAYS} days, oldest first
     * ({@code InteractionsRecorded.Interaction}s): they came in as history without events, so a later step can replay
     * what the listeners of those events would have done at the time (the invitations after a contact).
     */
    static final String RECENT_KEY = "journey.recentInteractions";
    /** As far back as the contact policy's share invited per hour looks. */
    static final int RECENT_DAYS = 90;
    static final int STAFF_RECENT = 80;
    static final int STAFF_EARLIER = 50;

    private final InteractionIngest ingest;
    private final Clock clock;

    InteractionDemo(InteractionIngest ingest, Clock clock) {
        this.ingest = ingest;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String name() {
        return "interactions";
    }

    @Override
    public void load(DemoContext context) {
        List<Touchpoint> touchpoints = context.get(JourneyDemo.TOUCHPOINTS);
        if (touchpoints == null || touchpoints.isEmpty()) {
            return;
        }
        Random random = context.random(name());
        // Reasons and the repeats they bring come from a stream of their own, so the interactions stay as they were.
        Random reasons = context.random(name() + "-reasons");
        Touchpoint phone = named(touchpoints, "Vragen per telefoon");
        Touchpoint chat = named(touchpoints, "Vragen via de chat");
        List<PersonKey> people = people(context, random);
        double scale = context.people() / 2000.0;
        Instant now = clock.instant();
        Staffing staffing = staffing(touchpoints, context);
        List<NewInteraction> batch = new ArrayList<>(BATCH);
        Instant recentFrom = context.today().minusDays(RECENT_DAYS - 1L).atStartOfDay(context.zone()).toInstant();
        List<NewInteraction> recent = new ArrayList<>();
        for (LocalDate day = context.firstDay(); !day.isAfter(context.today()); day = day.plusDays(1)) {
            for (int t = 0; t < touchpoints.size(); t++) {
                Touchpoint touchpoint = touchpoints.get(t);
                double rate = DAILY_RATE.getOrDefault(touchpoint.nameNl(), 1.0) * scale * season(day, touchpoint)
                        * weekday(day.getDayOfWeek(), touchpoint.channel());
                int count = poisson(random, rate);
                for (int i = 0; i < count; i++) {
                    Instant at = ZonedDateTime.of(day, timeOfDay(random, touchpoint.channel()), context.zone()).toInstant();
                    if (at.isAfter(now)) {
                        continue;
                    }
                    PersonKey person = anonymous(touchpoint.channel(), random) ? null : people.get(random.nextInt(people.size()));
                    InteractionKind kind = kind(touchpoint);
                    DemoReasons.Matter matter = kind == InteractionKind.CONTACT ? DemoReasons.pick(touchpoint.nameNl(), reasons) : null;
                    String id = "demo-" + t + "-" + day + "-" + i;
                    batch.add(new NewInteraction(id, touchpoint.id(), at, person, kind, matter == null ? null : matter.reason(),
                            matter == null ? null : matter.code()));
                    if (matter != null && person != null && matter.canRepeat() && phone != null && chat != null
                            && reasons.nextDouble() < 0.4) {
                        batch.addAll(followUps(id, matter, person, at, phone, chat, reasons, context, now));
                    }
                    if (batch.size() >= BATCH) {
                        ingest.recordValid(recent(staffing.served(batch), recentFrom, recent));
                        batch = new ArrayList<>(BATCH);
                    }
                }
            }
        }
        ingest.recordValid(recent(staffing.served(batch), recentFrom, recent));
        ingest.recordValid(recent(staffedContacts(staffing, touchpoints, people, context, now), recentFrom, recent));
        recent.sort(java.util.Comparator.comparing(NewInteraction::at).thenComparing(NewInteraction::sourceId));
        context.put(RECENT_KEY, recent.stream().map(c -> new nl.buitenin.journey.InteractionsRecorded.Interaction(c.touchpoint(),
                c.person(), c.at(), c.sourceId(), c.kind(), null, null, c.staff(), c.team())).toList());
    }

    /** Keeps the batch's interactions of known people from {@code from} on in {@code recent}; returns the batch. */
    private static List<NewInteraction> recent(List<NewInteraction> batch, Instant from, List<NewInteraction> recent) {
        for (NewInteraction interaction : batch) {
            if (interaction.person() != null && !interaction.at().isBefore(from)) {
                recent.add(interaction);
            }
        }
        return batch;
    }

    /**
     * The conversations the staff roster had that a survey asks about: per staff member {@value #STAFF_RECENT} in the last
     * twelve weeks and {@value #STAFF_EARLIER} in the 40 weeks before, on weekdays in office hours, whatever the number of
     * customers (staff are a fixed roster). Shared as {@value #STAFFED_CONTACTS_KEY}, oldest first, for the answers about
     * them.
     */
    private static List<NewInteraction> staffedContacts(Staffing staffing, List<Touchpoint> touchpoints, List<PersonKey> people,
            DemoContext context, Instant now) {
        Random random = context.random("interactions-staffed");
        Map<String, nl.buitenin.journey.TouchpointId> teamTouchpoints = context.get(STAFF_TOUCHPOINTS_KEY);
        List<NewInteraction> contacts = new ArrayList<>();
        for (Map.Entry<String, List<String>> team : staffing.roster().entrySet()) {
            nl.buitenin.journey.TouchpointId at = teamTouchpoints.get(team.getKey());
            Channel channel = touchpoints.stream().filter(t -> t.id().equals(at)).findFirst().orElseThrow().channel();
            for (String staff : team.getValue()) {
                for (int i = 0; i < STAFF_RECENT + STAFF_EARLIER; i++) {
                    int daysAgo = i < STAFF_RECENT ? 1 + random.nextInt(83) : 84 + random.nextInt(280);
                    LocalDate day = context.today().minusDays(daysAgo);
                    if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                        // Closed on Sunday: the Saturday before, or the Monday after where that keeps it in its twelve weeks.
                        day = daysAgo == 83 || daysAgo == 84 ? day.plusDays(1) : day.minusDays(1);
                    }
                    Instant when = ZonedDateTime.of(day, timeOfDay(random, channel), context.zone()).toInstant();
                    PersonKey person = random.nextDouble() < 0.2 ? null : people.get(random.nextInt(people.size()));
                    if (when.isAfter(now)) {
                        continue;
                    }
                    contacts.add(new NewInteraction("demo-staff-" + staff + "-" + i, at, when, person, InteractionKind.CONTACT, null, null,
                            staff, team.getKey()));
                }
            }
        }
        contacts.sort(java.util.Comparator.comparing(NewInteraction::at).thenComparing(NewInteraction::sourceId));
        context.put(STAFFED_CONTACTS_KEY, contacts.stream().map(c -> new nl.buitenin.journey.InteractionsRecorded.Interaction(c.touchpoint(),
                c.person(), c.at(), c.sourceId(), c.kind(), null, null, c.staff(), c.team())).toList());
        return contacts;
    }

    private static Map<String, String> staffedTouchpoints() {
        Map<String, String> teams = new java.util.LinkedHashMap<>();
        teams.put("Klantenservice", "Nazorg");
        teams.put("Boekingen Utrecht", "Boeken in de winkel");
        teams.put("Reisadvies", "Vragen via de chat");
        return java.util.Collections.unmodifiableMap(teams);
    }

    /** The roster per team and the team of each staffed touchpoint, shared with later steps. */
    private static Staffing staffing(List<Touchpoint> touchpoints, DemoContext context) {
        Map<String, List<String>> roster = new java.util.LinkedHashMap<>();
        Map<String, nl.buitenin.journey.TouchpointId> teamTouchpoints = new java.util.LinkedHashMap<>();
        Map<nl.buitenin.journey.TouchpointId, String> teamAt = new java.util.HashMap<>();
        int team = 0;
        for (Map.Entry<String, String> entry : STAFF.entrySet()) {
            Touchpoint touchpoint = named(touchpoints, entry.getValue());
            List<String> staff = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                staff.add(String.format("mw-%03d", team * 10 + i));
            }
            team++;
            if (touchpoint == null) {
                continue;
            }
            roster.put(entry.getKey(), List.copyOf(staff));
            teamTouchpoints.put(entry.getKey(), touchpoint.id());
            teamAt.put(touchpoint.id(), entry.getKey());
        }
        context.put(STAFF_KEY, java.util.Collections.unmodifiableMap(roster));
        context.put(STAFF_TOUCHPOINTS_KEY, java.util.Collections.unmodifiableMap(teamTouchpoints));
        // A stream of its own, so the interactions and their reasons stay as they were.
        return new Staffing(roster, teamAt, context.random("interactions-staff"));
    }

    /** Gives each contact at a staffed touchpoint one of its team's staff members. */
    private record Staffing(Map<String, List<String>> roster, Map<nl.buitenin.journey.TouchpointId, String> teamAt, Random random) {

        List<NewInteraction> served(List<NewInteraction> batch) {
            List<NewInteraction> served = new ArrayList<>(batch.size());
            for (NewInteraction i : batch) {
                String team = teamAt.get(i.touchpoint());
                if (team == null) {
                    served.add(i);
                } else {
                    List<String> staff = roster.get(team);
                    served.add(new NewInteraction(i.sourceId(), i.touchpoint(), i.at(), i.person(), i.kind(), i.reason(), i.reasonCode(),
                            staff.get(random.nextInt(staff.size())), team));
                }
            }
            return served;
        }
    }

    /**
     * The same person contacting again about a matter that was not resolved: a few days after the first contact, by
     * phone on a weekday or by chat, and sometimes once more.
     */
    private static List<NewInteraction> followUps(String id, DemoReasons.Matter matter, PersonKey person, Instant first,
            Touchpoint phone, Touchpoint chat, Random random, DemoContext context, Instant now) {
        List<NewInteraction> followUps = new ArrayList<>();
        LocalDate day = LocalDate.ofInstant(first, context.zone());
        for (int n = 0; n < matter.followUps().size(); n++) {
            if (n > 0 && random.nextDouble() < 0.5) {
                break;
            }
            day = day.plusDays(1 + random.nextInt(6));
            Touchpoint touchpoint = day.getDayOfWeek() == DayOfWeek.SUNDAY || random.nextBoolean() ? chat : phone;
            Instant at = ZonedDateTime.of(day, timeOfDay(random, touchpoint.channel()), context.zone()).toInstant();
            if (at.isAfter(now)) {
                break;
            }
            followUps.add(new NewInteraction(id + "-again-" + (n + 1), touchpoint.id(), at, person, InteractionKind.CONTACT,
                    matter.followUps().get(n), matter.code()));
        }
        return followUps;
    }

    private static Touchpoint named(List<Touchpoint> touchpoints, String nameNl) {
        return touchpoints.stream().filter(t -> t.nameNl().equals(nameNl)).findFirst().orElse(null);
    }

    /** Walking season: a spring peak around early May, a late-summer peak in early September, quiet winters. */
    static double season(LocalDate day, Touchpoint touchpoint) {
        int d = day.getDayOfYear();
        double spring = Math.exp(-Math.pow((d - 125) / 28.0, 2));
        double lateSummer = Math.exp(-Math.pow((d - 245) / 28.0, 2));
        boolean onTrip = "Onderweg".equals(touchpoint.location()) || touchpoint.nameNl().startsWith("Dagetappe");
        if (onTrip) {
            // Nobody walks the Pennines in January: trips follow the seasons closely.
            return 0.05 + 1.6 * spring + 1.6 * lateSummer;
        }
        // Booking and exploring run a month or two ahead of the trips.
        double springBooking = Math.exp(-Math.pow((d - 75) / 35.0, 2));
        double summerBooking = Math.exp(-Math.pow((d - 190) / 35.0, 2));
        return 0.45 + 0.6 * springBooking + 0.6 * summerBooking + 0.2 * spring + 0.2 * lateSummer;
    }

    static double weekday(DayOfWeek day, Channel channel) {
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return switch (channel) {
            case PHONE -> day == DayOfWeek.SUNDAY ? 0 : day == DayOfWeek.SATURDAY ? 0.25 : 1.1;
            case LOCATION -> day == DayOfWeek.SUNDAY ? 0.3 : day == DayOfWeek.SATURDAY ? 1.4 : 0.9;
            case HOME_VISIT -> weekend ? 0 : 1.3;
            case WEB, SOCIAL, APP -> weekend ? 1.3 : 0.9;
            default -> weekend ? 0.7 : 1.1;
        };
    }

    static LocalTime timeOfDay(Random random, Channel channel) {
        double u = random.nextDouble();
        int minute = random.nextInt(60);
        int hour = switch (channel) {
            case PHONE -> 9 + random.nextInt(8);
            case LOCATION -> 10 + random.nextInt(8);
            case HOME_VISIT -> 9 + random.nextInt(7);
            case CHAT -> 9 + random.nextInt(12);
            // The website and social media are busiest in the evening, after work.
            case WEB, SOCIAL -> u < 0.55 ? 19 + random.nextInt(4) : 7 + random.nextInt(12);
            case APP -> 8 + random.nextInt(11);
            default -> 7 + random.nextInt(16);
        };
        return LocalTime.of(hour, minute, random.nextInt(60));
    }

    private static boolean anonymous(Channel channel, Random random) {
        return (channel == Channel.WEB || channel == Channel.SOCIAL) && random.nextDouble() < 0.6;
    }

    private static InteractionKind kind(Touchpoint touchpoint) {
        if (touchpoint.nameNl().startsWith("Boeken")) {
            return InteractionKind.PURCHASE;
        }
        if ("Onderweg".equals(touchpoint.location()) || touchpoint.nameNl().startsWith("Dagetappe")
                || touchpoint.channel() == Channel.HOME_VISIT) {
            return InteractionKind.VISIT;
        }
        return InteractionKind.CONTACT;
    }

    private static List<PersonKey> people(DemoContext context, Random random) {
        List<PersonKey> known = context.get("privacy.persons");
        if (known != null && !known.isEmpty()) {
            return known;
        }
        List<PersonKey> generated = new ArrayList<>(context.people());
        for (int p = 0; p < context.people(); p++) {
            StringBuilder key = new StringBuilder("p_");
            for (int c = 0; c < 26; c++) {
                key.append(BASE32.charAt(random.nextInt(32)));
            }
            generated.add(new PersonKey(key.toString()));
        }
        return generated;
    }

    /** Knuth's method for small rates, where it is exact; the normal approximation for large ones (many people). */
    static int poisson(Random random, double rate) {
        if (rate <= 0) {
            return 0;
        }
        if (rate > 50) {
            return (int) Math.max(0, Math.round(rate + Math.sqrt(rate) * random.nextGaussian()));
        }
        double limit = Math.exp(-rate);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
