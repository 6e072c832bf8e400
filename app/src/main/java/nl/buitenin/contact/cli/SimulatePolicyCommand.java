package nl.buitenin.contact.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.PastContact;
import nl.buitenin.contact.PersonFacts;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;
import nl.buitenin.contact.ReplayedInterests;
import nl.buitenin.contact.internal.OfferPolicy;
import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyEngine;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.Sampler;
import nl.buitenin.journey.InteractionKind;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.PersonKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate-policy}: replays interactions through a contact policy, as if each interaction
 * triggered a request to invite the person, and compares the outcome with asking after every
 * contact. Invitations refused only for quiet hours or a quiet day are postponed to the next
 * moment outside them when that is within the policy's maximum delay after the contact, by the engine's own rule
 * ({@link PolicyEngine#postponeInvitation}), as the sender does; the share invited per hour of the contact is reported
 * with and without that waiting. Everyone is assumed to have consented.
 */
@Command(name = "simulate-policy", mixinStandardHelpOptions = true,
        description = "Replay a year of interactions (CSV: time, person or customer id, touchpoint) through a contact policy and report "
                + "invitations, refusals by reason and the share of people asked more than once, next to 'ask after every contact'.")
public final class SimulatePolicyCommand implements Callable<Integer> {

    @Option(names = "--interactions", required = true, paramLabel = "FILE.csv",
            description = "CSV with a header: time (ISO, with offset or local in --zone), person (person key or customer id), touchpoint (id or name).")
    Path interactions;

    @Option(names = "--policy", paramLabel = "policy.json", description = "The policy in the JSON format of the settings API (default: the sensible default).")
    Path policyFile;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day to replay (default: all).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day to replay, inclusive (default: all).")
    LocalDate to;

    @Option(names = "--zone", defaultValue = "Europe/Amsterdam", description = "The organisation's time zone (default ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--sampling-key", defaultValue = "simulate-policy", description = "Key of the sampling draw; another key draws other people (default ${DEFAULT-VALUE}).")
    String samplingKey;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Option(names = "--contacts-per-month", defaultValue = "4", paramLabel = "N",
            description = "Offers: report the share of people contacted (offers and invitations together) more than N times in a calendar month (default ${DEFAULT-VALUE}).")
    int contactsPerMonth;

    /**
     * One interaction; {@code topic} and {@code kind} (both optional) make it an interest for the offers part, as the
     * interactions API's fields of those names do.
     */
    public record Interaction(Instant at, PersonKey person, @Nullable TouchpointId touchpoint, @Nullable String topic, @Nullable InteractionKind kind) {

        public Interaction(Instant at, PersonKey person, TouchpointId touchpoint) {
            this(at, person, touchpoint, null, null);
        }
    }

    /** What the replay found. */
    public record Report(int interactions, int people, int invitations, int postponedPastQuietTime, int refusals,
            Map<ReasonCode, Integer> refusalsByReason, int peopleInvited, int peopleInvitedMoreThanOnce, double shareInvitedMoreThanOnce,
            int mostInvitationsForOnePerson, int everyContactInvitations, int everyContactPeopleAskedMoreThanOnce,
            double everyContactShareAskedMoreThanOnce, List<HourShare> perHour, @Nullable List<HourShare> perHourWithoutWaiting,
            OfferReplay.@Nullable OfferReport offers) {

        /** The same report with the hours of a replay in which nothing waited for the quiet time to pass. */
        Report withoutWaiting(List<HourShare> hours) {
            return new Report(interactions, people, invitations, postponedPastQuietTime, refusals, refusalsByReason, peopleInvited,
                    peopleInvitedMoreThanOnce, shareInvitedMoreThanOnce, mostInvitationsForOnePerson, everyContactInvitations,
                    everyContactPeopleAskedMoreThanOnce, everyContactShareAskedMoreThanOnce, perHour, hours, offers);
        }

        /** The same report with what the offers replay found. */
        Report withOffers(OfferReplay.OfferReport found) {
            return new Report(interactions, people, invitations, postponedPastQuietTime, refusals, refusalsByReason, peopleInvited,
                    peopleInvitedMoreThanOnce, shareInvitedMoreThanOnce, mostInvitationsForOnePerson, everyContactInvitations,
                    everyContactPeopleAskedMoreThanOnce, everyContactShareAskedMoreThanOnce, perHour, perHourWithoutWaiting, found);
        }
    }

    /** One hour of the day (policy's zone): contacts in it and how many of them led to an invitation. */
    public record HourShare(int hour, int contacts, int invited, double share) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ZoneId zoneId = ZoneId.of(zone);
            Policy policy = policyFile == null ? Policy.sensibleDefault(zoneId)
                    : PolicyFile.read(Files.readString(policyFile, StandardCharsets.UTF_8)).toPolicy(zoneId);
            List<Interaction> replayed = read(interactions, zoneId).stream().filter(i -> within(i.at(), zoneId)).toList();
            if (contactsPerMonth < 0) {
                throw new IllegalArgumentException("--contacts-per-month must be 0 or more, not " + contactsPerMonth);
            }
            Sampler sampler = new Sampler(sha256(samplingKey));
            Report report = replayWithAndWithoutWaiting(replayed, policy, sampler);
            if (replayed.stream().anyMatch(i -> i.topic() != null)) {
                LocalDate until = to != null ? to
                        : replayed.stream().map(i -> LocalDate.ofInstant(i.at(), zoneId)).max(Comparator.naturalOrder()).orElseThrow();
                report = report.withOffers(replayOffers(replayed, policy, sampler, OfferPolicy.sensibleDefault(), OfferReplay.interests(), until,
                        contactsPerMonth));
            }
            if (json) {
                out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report));
            } else {
                print(report, policy, out);
            }
            out.flush();
            return 0;
        } catch (InvalidInputException e) {
            err.println("Cannot simulate: " + e.getMessage());
            return 2;
        } catch (IOException | DateTimeException | IllegalArgumentException e) {
            err.println("Cannot simulate: " + e.getMessage());
            return 2;
        }
    }

    private boolean within(Instant at, ZoneId zoneId) {
        LocalDate day = LocalDate.ofInstant(at, zoneId);
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** Replays the interactions in time order; public for the benchmark and the tests. */
    public static Report replay(List<Interaction> interactions, Policy policy, Sampler sampler) {
        return replay(interactions, policy, sampler, new HashMap<>());
    }

    /**
     * The invitations as {@link #replay} sends them, then the offers of the naive rule and of the policy, the latter with
     * those invitations in each person's contact log.
     */
    static OfferReplay.OfferReport replayOffers(List<Interaction> interactions, Policy policy, Sampler sampler, OfferPolicy offers,
            java.util.function.Supplier<ReplayedInterests> interests, LocalDate until, int contactsPerMonth) {
        Map<PersonKey, List<PastContact>> invitations = new HashMap<>();
        replay(interactions, policy, sampler, invitations);
        Map<PersonKey, List<Instant>> everyContact = new HashMap<>();
        interactions.forEach(i -> everyContact.computeIfAbsent(i.person(), p -> new ArrayList<>()).add(i.at()));
        return OfferReplay.replay(interactions, invitations, everyContact, policy, offers, interests, until, contactsPerMonth);
    }

    /** {@link #replay}, leaving the invitations sent per person in {@code invitations}. */
    private static Report replay(List<Interaction> interactions, Policy policy, Sampler sampler, Map<PersonKey, List<PastContact>> invitations) {
        PolicyEngine engine = new PolicyEngine(sampler);
        List<Interaction> ordered = new ArrayList<>(interactions);
        ordered.sort(Comparator.comparing(Interaction::at));
        Map<PersonKey, List<Instant>> contacts = new HashMap<>();
        Map<PersonKey, Integer> interactionsPerPerson = new HashMap<>();
        Map<ReasonCode, Integer> byReason = new EnumMap<>(ReasonCode.class);
        int[] contactsPerHour = new int[24];
        int[] invitedPerHour = new int[24];
        int invited = 0;
        int postponed = 0;
        int refusals = 0;
        for (Interaction interaction : ordered) {
            PersonKey person = interaction.person();
            interactionsPerPerson.merge(person, 1, Integer::sum);
            List<Instant> earlier = contacts.computeIfAbsent(person, p -> new ArrayList<>());
            List<PastContact> sent = invitations.computeIfAbsent(person, p -> new ArrayList<>());
            Instant at = interaction.at();
            PersonFacts facts = PersonFacts.consentedWithoutHistory().withContacts(sent).withOperationalContacts(recent(earlier, at, policy));
            // The stored policy's rule: wait for the next allowed moment when only the clock objects and that moment is
            // within the maximum delay after the contact, then decide again then, as the invitation job does.
            PolicyEngine.Postponement postponement = engine.postponeInvitation(policy,
                    engine.decide(policy, facts, person, interaction.touchpoint(), at), at, interaction.at());
            List<Reason> reasons = postponement.reasons();
            if (postponement.postponed()) {
                at = postponement.until();
                reasons = engine.decide(policy, facts, person, interaction.touchpoint(), at);
                postponed += reasons.isEmpty() ? 1 : 0;
            }
            earlier.add(interaction.at());
            int hour = interaction.at().atZone(policy.zone()).getHour();
            contactsPerHour[hour]++;
            if (reasons.isEmpty()) {
                invited++;
                invitedPerHour[hour]++;
                sent.add(new PastContact(at, ContactKind.INVITATION));
            } else {
                refusals++;
                reasons.forEach(r -> byReason.merge(r.code(), 1, Integer::sum));
            }
        }
        int peopleInvited = (int) invitations.values().stream().filter(l -> !l.isEmpty()).count();
        int invitedMoreThanOnce = (int) invitations.values().stream().filter(l -> l.size() > 1).count();
        int most = invitations.values().stream().mapToInt(List::size).max().orElse(0);
        int people = interactionsPerPerson.size();
        int everyContactMoreThanOnce = (int) interactionsPerPerson.values().stream().filter(n -> n > 1).count();
        List<HourShare> perHour = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            perHour.add(new HourShare(h, contactsPerHour[h], invitedPerHour[h], share(invitedPerHour[h], contactsPerHour[h])));
        }
        return new Report(ordered.size(), people, invited, postponed, refusals, byReason, peopleInvited, invitedMoreThanOnce,
                share(invitedMoreThanOnce, people), most, ordered.size(), everyContactMoreThanOnce, share(everyContactMoreThanOnce, people),
                perHour, null, null);
    }

    /**
     * The replay with the policy as given, and beside it the same policy without waiting ({@code maxInvitationDelayHours} 0:
     * every invitation in quiet time dropped, as before invitations waited), for the share invited per hour of the day.
     */
    public static Report replayWithAndWithoutWaiting(List<Interaction> interactions, Policy policy, Sampler sampler) {
        Report withWaiting = replay(interactions, policy, sampler);
        Report without = replay(interactions, policy.withMaxInvitationDelay(Duration.ZERO), sampler);
        return withWaiting.withoutWaiting(without.perHour());
    }

    /** Earlier contacts count as "other recent contact" only within the policy's window; older ones are dropped. */
    private static List<Instant> recent(List<Instant> earlier, Instant now, Policy policy) {
        Instant since = now.minus(Duration.ofDays(policy.operationalContactDays()));
        List<Instant> recent = new ArrayList<>();
        for (int i = earlier.size() - 1; i >= 0 && earlier.get(i).isAfter(since); i--) {
            if (earlier.get(i).isBefore(now)) {
                recent.add(earlier.get(i));
            }
        }
        return recent;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    static List<Interaction> read(Path file, ZoneId zone) throws IOException {
        List<Interaction> result = new ArrayList<>();
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(reader)) {
            String timeColumn = column(parser, "time", "timestamp", "at");
            String personColumn = column(parser, "person", "person_key", "customer", "customer_id");
            String touchpointColumn = column(parser, "touchpoint", "touchpoint_id");
            String topicColumn = optionalColumn(parser, "topic");
            String kindColumn = optionalColumn(parser, "kind");
            for (CSVRecord row : parser) {
                String line = "line " + (row.getRecordNumber() + 1);
                try {
                    String topic = topicColumn == null || row.get(topicColumn).isBlank() ? null : row.get(topicColumn);
                    InteractionKind kind = topic == null ? null : kind(kindColumn == null ? "" : row.get(kindColumn));
                    result.add(new Interaction(time(row.get(timeColumn), zone), person(row.get(personColumn)), touchpoint(row.get(touchpointColumn)),
                            topic, kind));
                } catch (RuntimeException e) {
                    errors.add(new InvalidInputException.FieldError(line, e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() > 20 ? errors.subList(0, 20) : errors);
        }
        return result;
    }

    private static @Nullable String optionalColumn(CSVParser parser, String name) {
        return parser.getHeaderNames().stream().filter(header -> header.trim().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /** An interaction's kind as the interactions API writes it (contact when empty, as there). */
    private static InteractionKind kind(String text) {
        if (text.isBlank()) {
            return InteractionKind.CONTACT;
        }
        for (InteractionKind kind : InteractionKind.values()) {
            if (kind.name().equalsIgnoreCase(text.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind '" + text + "' is not one of contact, purchase, visit, search, offer_click");
    }

    private static String column(CSVParser parser, String... names) {
        for (String name : names) {
            for (String header : parser.getHeaderNames()) {
                if (header.trim().equalsIgnoreCase(name)) {
                    return header;
                }
            }
        }
        throw new InvalidInputException("header", "needs a column named " + names[0] + " (or " + String.join(", ", List.of(names).subList(1, names.length))
                + "); found " + parser.getHeaderNames());
    }

    private static Instant time(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeException e2) {
                throw new IllegalArgumentException("time '" + text + "' is not an ISO date and time such as 2025-03-01T10:15:00");
            }
        }
    }

    /** A person key as it is, or a customer id turned into a stable key for the simulation (SHA-256, base32). */
    private static PersonKey person(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("person is empty");
        }
        if (PersonKey.isValid(text)) {
            return new PersonKey(text);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
            StringBuilder key = new StringBuilder("p_");
            for (int i = 0; i < 26; i++) {
                int bit = i * 5;
                int value = ((digest[bit / 8] & 0xff) << 8 | (digest[bit / 8 + 1] & 0xff)) >> (11 - bit % 8) & 31;
                key.append(alphabet.charAt(value));
            }
            return new PersonKey(key.toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sampling key from its text: any text gives a full-length key. */
    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TouchpointId touchpoint(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("touchpoint is empty");
        }
        try {
            return new TouchpointId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return new TouchpointId(UUID.nameUUIDFromBytes(("touchpoint:" + text.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void print(Report r, Policy policy, PrintWriter out) {
        out.printf(Locale.ROOT, "Policy: %.0f%% sampled per touchpoint per %d days, %d days between invitations, at most %d a quarter and %d a year,%n",
                policy.sampleShare() * 100, policy.samplingPeriodDays(), policy.recontactDays(), policy.capPerQuarter(), policy.capPerYear());
        out.printf(Locale.ROOT, "        quiet %s-%s and on %s, not within %d days of another contact,%n", policy.quietFrom(), policy.quietUntil(),
                policy.quietDays().isEmpty() ? "no day" : policy.quietDays().stream().sorted().map(d -> d.name().toLowerCase(Locale.ROOT)).toList(),
                policy.operationalContactDays());
        out.printf(Locale.ROOT, "        an invitation in quiet time waits at most %d hours after its contact.%n", policy.maxInvitationDelay().toHours());
        out.printf(Locale.ROOT, "Interactions: %d from %d people.%n%n", r.interactions(), r.people());
        out.printf(Locale.ROOT, "%-38s %12s   %-24s%n", "", "this policy", "ask after every contact");
        out.printf(Locale.ROOT, "%-38s %12d %25d%n", "invitations", r.invitations(), r.everyContactInvitations());
        out.printf(Locale.ROOT, "%-38s %12d %25d%n", "people asked more than once", r.peopleInvitedMoreThanOnce(), r.everyContactPeopleAskedMoreThanOnce());
        out.printf(Locale.ROOT, "%-38s %11.1f%% %24.1f%%%n", "share of people asked more than once", r.shareInvitedMoreThanOnce() * 100,
                r.everyContactShareAskedMoreThanOnce() * 100);
        out.printf(Locale.ROOT, "%-38s %12d%n", "people invited at least once", r.peopleInvited());
        out.printf(Locale.ROOT, "%-38s %12d%n", "most invitations for one person", r.mostInvitationsForOnePerson());
        out.printf(Locale.ROOT, "%-38s %12d%n%n", "postponed past quiet hours or days", r.postponedPastQuietTime());
        out.printf(Locale.ROOT, "Refused: %d (a refusal can have several reasons)%n", r.refusals());
        r.refusalsByReason().forEach((code, count) -> out.printf(Locale.ROOT, "  %-30s %8d%n", code, count));
        if (r.perHourWithoutWaiting() != null) {
            out.printf(Locale.ROOT, "%nShare of contacts invited, by hour of the contact (%s; hours without contacts left out):%n", policy.zone());
            out.printf(Locale.ROOT, "  %-11s %8s   %-22s %-22s%n", "hour", "contacts", "without waiting", "waiting at most " + policy.maxInvitationDelay().toHours() + " h");
            for (int h = 0; h < 24; h++) {
                HourShare before = r.perHourWithoutWaiting().get(h);
                HourShare after = r.perHour().get(h);
                if (after.contacts() == 0) {
                    continue;
                }
                out.printf(Locale.ROOT, "  %02d:00-%02d:00 %8d   %6d %6.1f%%         %6d %6.1f%%%n", h, (h + 1) % 24, after.contacts(),
                        before.invited(), before.share() * 100, after.invited(), after.share() * 100);
            }
        }
        if (r.offers() != null) {
            printOffers(r.offers(), out);
        }
    }

    private static void printOffers(OfferReplay.OfferReport o, PrintWriter out) {
        java.util.ResourceBundle words = java.util.ResourceBundle.getBundle("i18n.contact", Locale.ENGLISH);
        out.printf(Locale.ROOT, "%nOffers (the naive rule asks the day after every interaction with a topic, then weekly while it saw any interest;%n");
        out.printf(Locale.ROOT, "        the policy answers with the live offer rules, the default budget and interests that fade):%n");
        out.printf(Locale.ROOT, "%-52s %12s   %-24s%n", "", "this policy", "offer after every interest");
        out.printf(Locale.ROOT, "%-52s %12d %25d%n", "offers requested", o.requested(), o.requested());
        out.printf(Locale.ROOT, "%-52s %12d %25d%n", "offers sent", o.sent(), o.requested());
        out.printf(Locale.ROOT, "%-52s %12d %25d%n", "people contacted more than " + o.monthlyLimit() + " times in a month", o.peopleContactedOverLimit(),
                o.naivePeopleContactedOverLimit());
        out.printf(Locale.ROOT, "%-52s %11.1f%% %24.1f%%%n", "share of people (offers and invitations)", o.shareContactedOverLimit() * 100,
                o.naiveShareContactedOverLimit() * 100);
        out.printf(Locale.ROOT, "%-52s %12d %25d%n", "Cuba, booked once on " + o.cuba().booked() + ": offers in a year", o.cuba().policyOffers(),
                o.cuba().naiveOffers());
        out.printf(Locale.ROOT, "Offers refused: %d (a refusal can have several reasons)%n", o.refused());
        o.refusedByReason().forEach((code, count) -> out.printf(Locale.ROOT, "  %-50s %8d%n",
                words.containsKey("contact.reason." + code.name()) ? words.getString("contact.reason." + code.name()) : code.name(), count));
    }
}
