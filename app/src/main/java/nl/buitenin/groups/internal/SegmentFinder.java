package nl.buitenin.groups.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.groups.internal.segments.KPrototypes;
import nl.buitenin.groups.internal.segments.MixedData;
import nl.buitenin.groups.internal.segments.SegmentSearch;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeDefinition;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.platform.ReadableDates;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.SmallCellRule;

/**
 * The segment finder ("found in the data"): the people who answered in the last 12 months, each described by their mean
 * NPS, CSAT and CES scores (read through listening's {@link ScoredResponses}), the themes tagged on their answers (loop's
 * tags, rejected ones left out; the 8 themes raised by most people) and their attributes now (numbers as numbers, other
 * values as categories: the 8 most common, the rest together), are clustered with k-prototypes ({@link SegmentSearch}:
 * k = 2..6 by the mean silhouette, fixed seed, 10 restarts). Each segment is described by what sets it apart most from
 * the rest (scores and numbers by the difference of means in standard deviations, themes and values by how much more
 * often they occur, in standard errors of a share), and proposed with its size; a segment of fewer people than the
 * small-cell rule allows is not proposed. A new search replaces the open proposals. People are read only when the
 * purpose "customer groups" allows it ({@link PurposeGuard#allowed}, one batched check, each read logged).
 */
@Service
public class SegmentFinder {

    /** Fewer people than this and no search is made: segments of a handful say nothing. */
    public static final int MIN_PEOPLE = 20;
    static final int TOP = 8;
    static final int TRAITS = 3;
    static final double MIN_EFFECT = 0.25;
    /** An attribute is used when at least this share of the people has it. */
    static final double MIN_PRESENT = 0.2;

    private final ScoredResponses responses;
    private final ThemeTagging tagging;
    private final ThemeTaxonomy taxonomy;
    private final JdbcSegments segments;
    private final ComputedAttributes computed;
    private final PurposeGuard purposes;
    private final SmallCellRule smallCells;
    private final Organisations organisations;
    private final Clock clock;

    SegmentFinder(ScoredResponses responses, ThemeTagging tagging, ThemeTaxonomy taxonomy, JdbcSegments segments, ComputedAttributes computed,
            PurposeGuard purposes, SmallCellRule smallCells, Organisations organisations, Clock clock) {
        this.responses = responses;
        this.tagging = tagging;
        this.taxonomy = taxonomy;
        this.segments = segments;
        this.computed = computed;
        this.purposes = purposes;
        this.smallCells = smallCells;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** A feature of the people: numbers (NaN unknown) or codes (-1 unknown) with the value each code stands for. */
    record Feature(SegmentProposal.Trait.Kind kind, String labelNl, String labelEn, double[] numbers, int[] codes, List<String> values) {

        boolean numeric() {
            return kind == SegmentProposal.Trait.Kind.SCORE || kind == SegmentProposal.Trait.Kind.NUMBER;
        }
    }

    /** Searches again and replaces the open proposals; refused (409) with fewer than {@link #MIN_PEOPLE} people to read. */
    @Transactional
    public List<SegmentProposal> propose() {
        Instant to = clock.instant();
        ZoneId zone = organisations.current().timeZone();
        Instant from = to.atZone(zone).minusMonths(12).toInstant();
        List<ScoredResponse> scored = responses.between(from, to, Set.of());
        Map<PersonKey, Instant> latest = new HashMap<>();
        scored.stream().filter(r -> r.person() != null).forEach(r -> latest.merge(r.person(), r.completedAt(), (a, b) -> a.isAfter(b) ? a : b));
        Set<PersonKey> allowed = latest.isEmpty() ? Set.of()
                : purposes.allowed(CustomerGroups.PURPOSE, latest, "answers, themes, attributes and interactions for the segment finder");
        List<PersonKey> people = allowed.stream().sorted(Comparator.comparing(PersonKey::value)).toList();
        if (people.size() < MIN_PEOPLE) {
            throw new ConflictException("groups.conflict.segments.tooFew", people.size(), MIN_PEOPLE);
        }
        Map<PersonKey, Integer> index = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            index.put(people.get(i), i);
        }
        List<Feature> features = new ArrayList<>();
        features.addAll(scores(scored, index));
        features.addAll(themes(scored, index));
        // The stored attributes and those computed from the interactions of these people (the counts, channel and product;
        // read under the purpose checked above) as they hold now.
        Map<PersonKey, Map<String, String>> attributes = segments.attributesAt(to);
        computed.at(people, to).forEach((person, derived) -> attributes.computeIfAbsent(person, p -> new HashMap<>()).putAll(derived));
        features.addAll(attributes(attributes, people));
        MixedData data = data(features, people.size());
        SegmentSearch.Result result = SegmentSearch.find(data);
        KPrototypes.Clustering chosen = result.chosen();
        UUID run = UUID.randomUUID();
        String day = ReadableDates.of(Locale.forLanguageTag("nl"), zone).day(to.atZone(zone).toLocalDate());
        String dayEn = ReadableDates.of(Locale.ENGLISH, zone).day(to.atZone(zone).toLocalDate());
        List<SegmentProposal> proposals = new ArrayList<>();
        Map<Integer, List<PersonKey>> members = new HashMap<>();
        int shown = 0;
        for (int c = 0; c < chosen.k(); c++) {
            List<PersonKey> inside = new ArrayList<>();
            boolean[] in = new boolean[people.size()];
            for (int i = 0; i < people.size(); i++) {
                if (chosen.labels()[i] == c) {
                    in[i] = true;
                    inside.add(people.get(i));
                }
            }
            if (inside.isEmpty() || smallCells.hides(inside.size())) {
                continue;
            }
            shown++;
            proposals.add(new SegmentProposal(UUID.randomUUID(), run, c, inside.size(), "Gevonden groep " + shown + " (" + day + ")",
                    "Found group " + shown + " (" + dayEn + ")", SegmentProposal.State.PROPOSED, null, chosen.k(), result.silhouette(),
                    people.size(), to, traits(features, in)));
            members.put(c, inside);
        }
        segments.replaceOpen(proposals, members);
        return segments.open();
    }

    /** What sets the people marked {@code in} apart from the rest, most first (at most {@link #TRAITS}). */
    static List<SegmentProposal.Trait> traits(List<Feature> features, boolean[] in) {
        record Scored(SegmentProposal.Trait trait, double effect) {
        }
        List<Scored> all = new ArrayList<>();
        for (Feature f : features) {
            if (f.numeric()) {
                double[] sums = new double[2];
                int[] counts = new int[2];
                for (int i = 0; i < in.length; i++) {
                    if (!Double.isNaN(f.numbers()[i])) {
                        sums[in[i] ? 0 : 1] += f.numbers()[i];
                        counts[in[i] ? 0 : 1]++;
                    }
                }
                if (counts[0] < 2 || counts[1] < 2) {
                    continue;
                }
                double mean = (sums[0] + sums[1]) / (counts[0] + counts[1]);
                double squares = 0;
                for (double v : f.numbers()) {
                    if (!Double.isNaN(v)) {
                        squares += (v - mean) * (v - mean);
                    }
                }
                double sd = Math.sqrt(squares / (counts[0] + counts[1] - 1));
                if (sd == 0) {
                    continue;
                }
                double inside = sums[0] / counts[0];
                double outside = sums[1] / counts[1];
                all.add(new Scored(new SegmentProposal.Trait(f.kind(), f.labelNl(), f.labelEn(), null, inside, outside),
                        Math.abs(inside - outside) / sd));
            } else {
                for (int code = 0; code < f.values().size(); code++) {
                    String value = f.values().get(code);
                    if (value == null) {
                        continue;
                    }
                    int[] hits = new int[2];
                    int[] counts = new int[2];
                    for (int i = 0; i < in.length; i++) {
                        counts[in[i] ? 0 : 1]++;
                        if (f.codes()[i] == code) {
                            hits[in[i] ? 0 : 1]++;
                        }
                    }
                    if (counts[1] == 0) {
                        continue;
                    }
                    double p = (double) (hits[0] + hits[1]) / in.length;
                    double inside = (double) hits[0] / counts[0];
                    double outside = (double) hits[1] / counts[1];
                    if (p == 0 || p == 1 || inside <= outside) {
                        continue;
                    }
                    all.add(new Scored(new SegmentProposal.Trait(f.kind(), f.labelNl(), f.labelEn(),
                            f.kind() == SegmentProposal.Trait.Kind.THEME ? null : value, inside, outside), (inside - outside) / Math.sqrt(p * (1 - p))));
                }
            }
        }
        return all.stream().filter(s -> s.effect() >= MIN_EFFECT).sorted(Comparator.comparingDouble(Scored::effect).reversed()).limit(TRAITS)
                .map(Scored::trait).toList();
    }

    private static List<Feature> scores(List<ScoredResponse> scored, Map<PersonKey, Integer> index) {
        List<Feature> features = new ArrayList<>();
        for (QuestionType type : List.of(QuestionType.NPS, QuestionType.CSAT, QuestionType.CES)) {
            double[] sums = new double[index.size()];
            int[] counts = new int[index.size()];
            boolean any = false;
            for (ScoredResponse r : scored) {
                Integer i = r.person() == null ? null : index.get(r.person());
                if (i == null) {
                    continue;
                }
                java.util.Optional<CompletedResponse.Score> score = r.first(type);
                if (score.isPresent()) {
                    sums[i] += score.get().value();
                    counts[i]++;
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            double[] means = new double[index.size()];
            for (int i = 0; i < means.length; i++) {
                means[i] = counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
            }
            features.add(new Feature(SegmentProposal.Trait.Kind.SCORE, type.name(), type.name(), means, new int[0], List.of()));
        }
        return features;
    }

    /** The themes tagged on answers (not rejected), per person, for the themes raised by most people. */
    private List<Feature> themes(List<ScoredResponse> scored, Map<PersonKey, Integer> index) {
        Map<UUID, Integer> responseOwner = new HashMap<>();
        scored.forEach(r -> {
            if (r.person() != null && index.containsKey(r.person())) {
                responseOwner.put(r.response(), index.get(r.person()));
            }
        });
        Map<ThemeId, Set<Integer>> raisedBy = new HashMap<>();
        int page = 0;
        while (true) {
            PageResult<ThemeTag> tags = tagging.allTags(PageRequest.of(page, 500));
            for (ThemeTag tag : tags.items()) {
                Integer owner = tag.subject().kind() == TagSubject.Kind.ANSWER ? responseOwner.get(tag.subject().id()) : null;
                if (owner != null && tag.state() != ThemeTag.State.REJECTED) {
                    raisedBy.computeIfAbsent(tag.theme(), t -> new HashSet<>()).add(owner);
                }
            }
            if (tags.items().isEmpty() || (long) (page + 1) * 500 >= tags.total()) {
                break;
            }
            page++;
        }
        Map<ThemeId, ThemeDefinition> names = taxonomy.all().stream().collect(Collectors.toMap(ThemeDefinition::id, t -> t, (a, b) -> a));
        List<Feature> features = new ArrayList<>();
        raisedBy.entrySet().stream().filter(e -> names.containsKey(e.getKey()))
                .sorted(Comparator.comparingInt((Map.Entry<ThemeId, Set<Integer>> e) -> -e.getValue().size())
                        .thenComparing(e -> names.get(e.getKey()).nameNl()))
                .limit(TOP).forEach(e -> {
                    int[] codes = new int[index.size()];
                    e.getValue().forEach(i -> codes[i] = 1);
                    ThemeDefinition theme = names.get(e.getKey());
                    features.add(new Feature(SegmentProposal.Trait.Kind.THEME, theme.nameNl(), theme.nameEn(), new double[0], codes,
                            java.util.Arrays.asList(null, "yes")));
                });
        return features;
    }

    /** Attributes most people have: numbers when every value is one, else the most common values as categories. */
    static List<Feature> attributes(Map<PersonKey, Map<String, String>> values, List<PersonKey> people) {
        Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
        for (PersonKey person : people) {
            values.getOrDefault(person, Map.of()).forEach((name, value) -> counts.computeIfAbsent(name, n -> new HashMap<>()).merge(value, 1, Integer::sum));
        }
        List<Feature> features = new ArrayList<>();
        counts.forEach((name, byValue) -> {
            int present = byValue.values().stream().mapToInt(Integer::intValue).sum();
            if (present < MIN_PRESENT * people.size() || byValue.size() < 2) {
                return;
            }
            if (byValue.keySet().stream().allMatch(v -> number(v) != null)) {
                double[] numbers = new double[people.size()];
                for (int i = 0; i < people.size(); i++) {
                    String v = values.getOrDefault(people.get(i), Map.of()).get(name);
                    numbers[i] = v == null ? Double.NaN : number(v);
                }
                features.add(new Feature(SegmentProposal.Trait.Kind.NUMBER, name, name, numbers, new int[0], List.of()));
                return;
            }
            List<String> top = byValue.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).limit(TOP).map(Map.Entry::getKey).toList();
            Map<String, Integer> code = new LinkedHashMap<>();
            top.forEach(v -> code.put(v, code.size()));
            List<String> labels = new ArrayList<>(top);
            labels.add(null); // the rest together: never a trait of its own
            int[] codes = new int[people.size()];
            for (int i = 0; i < people.size(); i++) {
                String v = values.getOrDefault(people.get(i), Map.of()).get(name);
                codes[i] = v == null ? -1 : code.getOrDefault(v, top.size());
            }
            features.add(new Feature(SegmentProposal.Trait.Kind.VALUE, name, name, new double[0], codes, labels));
        });
        return features;
    }

    private static Double number(String value) {
        try {
            return Double.parseDouble(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static MixedData data(List<Feature> features, int n) {
        List<Feature> numeric = features.stream().filter(Feature::numeric).toList();
        List<Feature> categorical = features.stream().filter(f -> !f.numeric()).toList();
        double[][] numbers = new double[n][numeric.size()];
        int[][] codes = new int[n][categorical.size()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < numeric.size(); j++) {
                numbers[i][j] = numeric.get(j).numbers()[i];
            }
            for (int j = 0; j < categorical.size(); j++) {
                codes[i][j] = categorical.get(j).codes()[i];
            }
        }
        return new MixedData(numbers, codes);
    }
}
