package nl.buitenin.privacy.demo;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PreferredChannel;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.internal.JdbcPersons;

/**
 * The travellers of Buitenpad Wandelreizen: believable Dutch names, addresses on example domains,
 * phone numbers in the 06-00 range that is not issued to subscribers, consents (most feedback yes,
 * about 30 % offers yes), some "don't ask me anything", mostly Dutch. Written in JDBC batches so a
 * million people load in minutes. Leaves the keys in {@code privacy.persons} for later steps.
 */
@Component
class PrivacyDemo implements DemoStep {

    static final String PERSONS = "privacy.persons";
    /**
     * Per person who may be asked for feedback (consent given, not "don't ask me anything"), the moment from which they
     * may: when they registered and consented. Steps that date answers or invitations pick people from this.
     */
    static final String FEEDBACK_SINCE = "privacy.feedbackSince";
    private static final int BATCH = 2_000;

    private static final String[] FIRST = {"Jan", "Sanne", "Pieter", "Fatima", "Daan", "Emma", "Mohamed", "Lotte", "Kees", "Anouk",
        "Bram", "Sophie", "Thijs", "Noor", "Ruben", "Julia", "Sem", "Lieke", "Ahmet", "Iris", "Wim", "Eva", "Youssef", "Femke",
        "Gerrit", "Marieke", "Luuk", "Yara", "Henk", "Anna", "Jeroen", "Ilse", "Stijn", "Mila", "Koen", "Zeynep", "Tim", "Esther"};
    private static final String[] LAST = {"de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
        "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "el Amrani", "Yilmaz", "van Dijk", "Koster", "Prins", "Postma"};
    private static final String[] DOMAINS = {"example.nl", "voorbeeld.nl", "example.com"};

    private final JdbcPersons persons;
    private final JdbcTemplate jdbc;

    PrivacyDemo(JdbcPersons persons, JdbcTemplate jdbc) {
        this.persons = persons;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String name() {
        return "people";
    }

    @Override
    @Transactional
    public void load(DemoContext context) {
        Random random = context.random(name());
        List<PersonKey> keys = new ArrayList<>(context.people());
        Map<PersonKey, Instant> feedbackSince = new HashMap<>();
        Instant first = context.firstDay().atStartOfDay(context.zone()).toInstant();
        Instant last = context.today().atStartOfDay(context.zone()).toInstant();
        long span = last.getEpochSecond() - first.getEpochSecond();
        for (int from = 0; from < context.people(); from += BATCH) {
            List<JdbcPersons.NewPerson> batch = new ArrayList<>();
            int to = Math.min(context.people(), from + BATCH);
            for (int i = from; i < to; i++) {
                batch.add(person(i, random, first.plusSeconds((long) (random.nextDouble() * span))));
            }
            List<PersonKey> registered = persons.registerAll(batch);
            consents(registered, batch, random, feedbackSince);
            keys.addAll(registered);
        }
        reads(keys, random, first, span);
        context.put(PERSONS, List.copyOf(keys));
        context.put(FEEDBACK_SINCE, Map.copyOf(feedbackSince));
    }

    private static JdbcPersons.NewPerson person(int i, Random random, Instant since) {
        String firstName = FIRST[random.nextInt(FIRST.length)];
        String lastName = LAST[random.nextInt(LAST.length)];
        String local = (firstName + "." + lastName).toLowerCase().replace(" ", "") + (i % 97 == 0 ? "" : Integer.toString(i));
        String email = random.nextInt(10) < 9 ? local + "@" + DOMAINS[random.nextInt(DOMAINS.length)] : null;
        String phone = random.nextInt(10) < 6 ? String.format("06-00%06d", i % 1_000_000) : null;
        int channelDraw = random.nextInt(20);
        PreferredChannel channel = channelDraw < 15 ? PreferredChannel.EMAIL : channelDraw < 18 ? PreferredChannel.SMS
                : channelDraw < 19 ? PreferredChannel.PHONE : PreferredChannel.NONE;
        if (email == null && channel == PreferredChannel.EMAIL) {
            channel = phone == null ? PreferredChannel.NONE : PreferredChannel.SMS;
        }
        Preferences preferences = new Preferences(channel, random.nextInt(100) < 85 ? "nl" : "en", random.nextInt(100) < 20,
                random.nextInt(100) < 6);
        return new JdbcPersons.NewPerson(String.format("BP-%07d", i + 1), new ContactDetails(firstName + " " + lastName, email, phone),
                preferences, since);
    }

    private void consents(List<PersonKey> keys, List<JdbcPersons.NewPerson> people, Random random,
            Map<PersonKey, Instant> feedbackSince) {
        List<Object[]> current = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            OffsetDateTime at = OffsetDateTime.ofInstant(people.get(i).since(), ZoneOffset.UTC);
            String channel = random.nextBoolean() ? "web" : "booking";
            if (random.nextInt(100) < 88) {
                add(current, history, keys.get(i), PurposeId.FEEDBACK, true, at, channel);
                if (!people.get(i).preferences().doNotAsk()) {
                    feedbackSince.put(keys.get(i), people.get(i).since());
                }
            }
            if (random.nextInt(100) < 30) {
                add(current, history, keys.get(i), PurposeId.OFFERS, true, at, channel);
            }
        }
        jdbc.batchUpdate("insert into privacy_consent (person_key, purpose_id, given, changed_at, channel) values (?, ?, ?, ?, ?)",
                current, new int[] {Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR});
        jdbc.batchUpdate("insert into privacy_consent_change (id, person_key, purpose_id, given, changed_at, channel) "
                + "values (?, ?, ?, ?, ?, ?)", history,
                new int[] {Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR});
    }

    private static void add(List<Object[]> current, List<Object[]> history, PersonKey key, PurposeId purpose, boolean given,
            OffsetDateTime at, String channel) {
        current.add(new Object[] {key.value(), purpose.value(), given, at, channel});
        history.add(new Object[] {UUID.randomUUID(), key.value(), purpose.value(), given, at, channel});
    }

    /** A history of reads by the agents, so the access log has something to show. */
    private void reads(List<PersonKey> keys, Random random, Instant first, long span) {
        List<Object[]> rows = new ArrayList<>();
        int count = Math.min(400, keys.size());
        String[][] kinds = {{"medewerker", "complaint-handling", "contact details"}, {"teamleider", "complaint-handling", "case note"},
            {"analist", "service-improvement", "survey comment"}, {"medewerker", "feedback", "contact details"}};
        for (int i = 0; i < count; i++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            Instant at = first.plusSeconds(span / 2 + (long) (random.nextDouble() * span / 2));
            rows.add(new Object[] {UUID.randomUUID(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), kind[0], kind[1],
                    keys.get(random.nextInt(keys.size())).value(), kind[2]});
        }
        jdbc.batchUpdate("insert into privacy_access_log (id, read_at, actor, purpose_id, person_key, what) values (?, ?, ?, ?, ?, ?)",
                rows);
    }
}
