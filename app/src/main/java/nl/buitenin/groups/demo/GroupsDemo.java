package nl.buitenin.groups.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.stereotype.Component;

import nl.buitenin.platform.Slices;
import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.groups.internal.AttributeInput;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.GroupInput;
import nl.buitenin.groups.internal.GroupWork;
import nl.buitenin.groups.internal.MembershipInput;
import nl.buitenin.groups.internal.SplitSettings;
import nl.buitenin.insight.ThemedAnswers;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.privacy.PersonKey;

/**
 * Seed 000 with data: nine months ago (the day the answers demo's trips got better) Buitenpad split its walking members
 * into "stevig tempo" and "genieten onderweg", and every member who answered since chose one; a few switched later.
 * Members with warmer answers after the split chose "genieten onderweg" more often, so the two groups' scores differ
 * as the story expects (the demo's figures illustrate the page, they prove nothing). Attributes arrive as another
 * system would send them: each member's age band from the start, their pace preference from the split (mostly as they
 * chose) and their number of trips as it grows, which fill two groups by rule ("55 en ouder", "vaste wandelaars").
 * Everything goes through {@link GroupWork}, the path of the API and the CSV import.
 * <p>
 * A third group by rule, "vaste boekers" ({@code purchases_12m >= 2}), reads an attribute computed from the
 * interactions (loaded before this step, without journey's events): creating it evaluates its rule for everybody with
 * an interaction, through the same {@link GroupWork#create} as the API.
 */
@Component
class GroupsDemo implements DemoStep {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GroupsDemo.class);

    static final List<String> AGE_BANDS = List.of("18-34", "35-54", "55-64", "65+");

    /** The demo theme (loop's demo) that the split into a brisk and a relaxed group was meant to take away. */
    static final String PACE_THEME = "tempo van de groep";

    /** The listening demo's walkers and the group each joined at the split (true: "genieten onderweg"). */
    static final String WALKERS = "listening.walkersRelaxed";

    private final GroupWork work;
    private final ScoredResponses responses;
    private final ThemedAnswers themes;
    private final SplitSettings settings;

    GroupsDemo(GroupWork work, ScoredResponses responses, ThemedAnswers themes, SplitSettings settings) {
        this.work = work;
        this.responses = responses;
        this.themes = themes;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 660;
    }

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public void load(DemoContext context) {
        Random random = context.random(name());
        Instant split = context.today().minusMonths(9).atStartOfDay(context.zone()).toInstant();
        Group brisk = work.create(new GroupInput("Stevig tempo", "Brisk pace",
                "Wandelaars die stevig doorlopen en een flinke afstand willen maken.",
                "Walkers who keep up a brisk pace and want to cover a good distance.", "CHOSEN", "tempo", null));
        Group enjoying = work.create(new GroupInput("Genieten onderweg", "Enjoying the way",
                "Wandelaars die rustiger lopen en tijd nemen voor het uitzicht.",
                "Walkers who take it easier and make time for the view.", "CHOSEN", "tempo", null));
        work.create(new GroupInput("55 en ouder", "55 and over", "Wandelaars van 55 jaar en ouder.", "Walkers aged 55 and over.",
                "RULE", "leeftijd", "age_band in (55-64, 65+)"));
        work.create(new GroupInput("Vaste wandelaars", "Regular walkers", "Wie drie of meer keer met ons op pad ging.",
                "Who went out with us three or more times.", "RULE", null, "trips >= 3"));
        work.create(new GroupInput("Vaste boekers", "Frequent bookers", "Wie in de laatste twaalf maanden twee of meer reizen boekte.",
                "Who booked two or more trips in the last twelve months.", "RULE", null, "purchases_12m >= 2"));

        Instant end = context.today().plusDays(1).atStartOfDay(context.zone()).toInstant();
        Map<PersonKey, List<ScoredResponse>> byPerson = new LinkedHashMap<>();
        for (ScoredResponse response : responses.between(context.firstDay().atStartOfDay(context.zone()).toInstant(), end, Set.of())) {
            if (response.person() != null) {
                byPerson.computeIfAbsent(response.person(), p -> new ArrayList<>()).add(response);
            }
        }
        // Who said before the split that the group walked too fast: they choose the relaxed group far more often.
        java.util.UUID paceTheme = themes.themes().stream().filter(t -> PACE_THEME.equals(t.nameNl())).map(ThemedAnswers.Theme::id).findFirst()
                .orElse(null);
        Set<java.util.UUID> tooFast = paceTheme == null ? Set.of()
                : themes.responsesWith(paceTheme, context.firstDay().atStartOfDay(context.zone()).toInstant(), split);
        // The walkers of the trip evaluation walked after the split in the group they chose then: the same choice here.
        Map<PersonKey, Boolean> walkers = context.get(WALKERS);
        List<MembershipInput> memberships = new ArrayList<>();
        List<AttributeInput> attributes = new ArrayList<>();
        for (Map.Entry<PersonKey, List<ScoredResponse>> entry : byPerson.entrySet()) {
            PersonKey person = entry.getKey();
            List<ScoredResponse> answered = entry.getValue();
            String key = person.value();
            String age = AGE_BANDS.get(random.nextInt(AGE_BANDS.size()));
            attributes.add(new AttributeInput("demo:age:" + key, key, "age_band", age, context.firstDay().atStartOfDay(context.zone()).toInstant().toString()));
            for (int trip = 0; trip < answered.size(); trip++) {
                attributes.add(new AttributeInput("demo:trips:" + key + ":" + (trip + 1), key, "trips", Integer.toString(trip + 1),
                        answered.get(trip).completedAt().toString()));
            }
            List<ScoredResponse> after = answered.stream().filter(r -> !r.completedAt().isBefore(split)).toList();
            if (after.isEmpty()) {
                continue;
            }
            double warmth = warmth(after);
            boolean complained = answered.stream().anyMatch(r -> tooFast.contains(r.response()));
            boolean enjoys = random.nextDouble() < 0.2 + 0.6 * warmth + ("65+".equals(age) ? 0.1 : 0) + (complained ? 0.6 : 0);
            if (walkers != null && walkers.containsKey(person)) {
                enjoys = walkers.get(person); // a walker of the trip evaluation joined the group they walked with since
            }
            Group chosen = enjoys ? enjoying : brisk;
            memberships.add(new MembershipInput("demo:tempo:" + key, key, chosen.id().toString(), split.toString(), null));
            String pace = random.nextDouble() < 0.9 == enjoys ? "relaxed" : "brisk";
            attributes.add(new AttributeInput("demo:pace:" + key, key, "pace", pace, split.toString()));
            if (random.nextDouble() < 0.05) {
                // A few switch: from a moment between the split and today they walk with the other group.
                long days = java.time.Duration.between(split, end).toDays();
                Instant switched = split.plus(java.time.Duration.ofDays(1 + random.nextInt((int) Math.max(1, days - 1))));
                memberships.add(new MembershipInput("demo:tempo:" + key + ":switch", key, (enjoys ? brisk : enjoying).id().toString(),
                        switched.toString(), null));
            }
        }
        for (List<MembershipInput> batch : chunks(memberships)) {
            work.memberships(batch);
        }
        for (List<AttributeInput> batch : chunks(attributes)) {
            work.attributes(batch);
        }
        economics(brisk, enjoying, paceTheme);
    }

    /**
     * What the split costs, as the organisation entered it: each walking trip now goes out as two groups, eight a month
     * each; the brisk group kept its guide, the relaxed one needs a second guide. A guide costs 35 euro an hour, a trip
     * takes six hours; a member brings in about 450 euro a year. An agent's hour on the phone costs 32 euro; the phone line
     * is staffed for demand's usual 80 % within 20 seconds, with the handle time demand measures.
     */
    private void economics(Group brisk, Group enjoying, java.util.@org.jspecify.annotations.Nullable UUID pace) {
        settings.save(new SplitSettings.Split("tempo", pace, 35.0, 6.0, 32.0, 80.0, 20.0, null), "beheerder");
        settings.save(new SplitSettings.GroupCosts(brisk.id(), 8, 1, 1, 450.0), "beheerder");
        settings.save(new SplitSettings.GroupCosts(enjoying.id(), 8, 0, 1, 450.0), "beheerder");
    }

    /** 0 to 1: how warm a member's answers were, from their NPS (or else their first score), averaged. */
    static double warmth(List<ScoredResponse> answered) {
        double sum = 0;
        int n = 0;
        for (ScoredResponse response : answered) {
            for (CompletedResponse.Score score : response.scores()) {
                sum += (double) (score.value() - score.type().min()) / (score.type().max() - score.type().min());
                n++;
                break;
            }
        }
        return n == 0 ? 0.5 : sum / n;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        return chunks(all, 2000);
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        return Slices.of(all, size);
    }

}
