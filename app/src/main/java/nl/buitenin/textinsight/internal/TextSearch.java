package nl.buitenin.textinsight.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.ReplicaReads;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.textinsight.TextSource;

/**
 * Finds comments, case texts and notes by their words, touchpoint, period and sentiment. Each word of the query is
 * stemmed as Dutch and as English and must occur in the text (in either form); the index narrows the texts down, then
 * every candidate's text is read again from its source under the purpose — a text the purpose refuses is left out and
 * counted — and checked once more against the query, so a text scrubbed or expired since it was indexed is not found.
 */
@Service
public class TextSearch {

    /** At most this many texts are shown; more candidates are read, as some may drop out. */
    public static final int SHOWN = 50;
    private static final int CANDIDATES = SHOWN * 3;
    private static final int EXCERPT = 90;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** What to look for; null or empty parts do not narrow the search. */
    public record Query(String words, Set<TextSource> sources, @Nullable TouchpointId touchpoint, @Nullable Instant from,
            @Nullable Instant until, @Nullable SentimentLabel label) {
    }

    /** A text found: where it comes from, when, its sentiment and the part of the text where the words are. */
    public record Hit(TextSource source, UUID ref, @Nullable TouchpointId touchpoint, Instant writtenAt, SentimentLabel label,
            String excerpt) {
    }

    /** The texts found, newest first, and how many the purpose did not allow to be read. */
    public record Found(List<Hit> hits, int withheld, boolean more) {
    }

    private record Candidate(TextSource source, String ref, @Nullable PersonKey person, @Nullable TouchpointId touchpoint,
            Instant writtenAt, Language language, SentimentLabel label) {
    }

    private final JdbcClient jdbc;
    private final TextReading reading;
    private final TextViews views;

    private final ReplicaReads replicaReads;

    TextSearch(JdbcClient jdbc, TextReading reading, TextViews views, ReplicaReads replicaReads) {
        this.replicaReads = replicaReads;
        this.jdbc = jdbc;
        this.reading = reading;
        this.views = views;
    }

    /** The stems a word of a query may have in a text: its Dutch and its English term (none for a stop word). */
    public static List<Set<String>> stems(String words) {
        List<Set<String>> stems = new ArrayList<>();
        Matcher word = WORD.matcher(words);
        while (word.find()) {
            Set<String> forms = new LinkedHashSet<>();
            for (Language language : Language.values()) {
                forms.addAll(TermIndex.termsOf(word.group(), language));
            }
            if (!forms.isEmpty()) {
                stems.add(forms);
            }
        }
        return stems;
    }

    /** Searches under the purpose: "service improvement" for an analyst, "complaint handling" for an agent's cases. */
    public Found search(Query query, PurposeId purpose) {
        if (query.sources().isEmpty()) {
            return new Found(List.of(), 0, false);
        }
        List<Set<String>> stems = stems(query.words());
        StringBuilder sql = new StringBuilder("select a.source_kind, a.source_ref, a.person_key, a.touchpoint_id, a.written_at, a.language, "
                + "coalesce(a.corrected_label, a.label) from textinsight_analysis a where a.source_kind in (:kinds)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kinds", query.sources().stream().map(Enum::name).toList());
        if (query.touchpoint() != null) {
            sql.append(" and a.touchpoint_id = :touchpoint");
            params.put("touchpoint", query.touchpoint().value());
        }
        if (query.from() != null) {
            sql.append(" and a.written_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.until() != null) {
            sql.append(" and a.written_at < :until");
            params.put("until", OffsetDateTime.ofInstant(query.until(), ZoneOffset.UTC));
        }
        if (query.label() != null) {
            sql.append(" and coalesce(a.corrected_label, a.label) = :label");
            params.put("label", query.label().code());
        }
        for (int i = 0; i < stems.size(); i++) {
            sql.append(" and exists (select 1 from textinsight_term t where t.source_kind = a.source_kind and t.source_ref = a.source_ref "
                    + "and t.term in (:w").append(i).append("))");
            params.put("w" + i, List.copyOf(stems.get(i)));
        }
        sql.append(" order by a.written_at desc, a.source_ref limit ").append(CANDIDATES + 1);
        // The candidates may come from the read replica; whether each may be read, and its text, are asked of the primary.
        List<Candidate> candidates = replicaReads.read(() -> jdbc.sql(sql.toString()).params(params).query(TextSearch::candidate).list());

        List<Hit> hits = new ArrayList<>();
        int withheld = 0;
        for (Candidate candidate : candidates.subList(0, Math.min(CANDIDATES, candidates.size()))) {
            if (hits.size() == SHOWN) {
                return new Found(hits, withheld, true);
            }
            if (!reading.mayRead(purpose, candidate.person(), "a search in a " + candidate.source().name().toLowerCase(Locale.ROOT),
                    candidate.writtenAt())) {
                withheld++;
                continue;
            }
            Optional<String> text = views.text(candidate.source(), UUID.fromString(candidate.ref()));
            if (text.isEmpty()) {
                continue;
            }
            Optional<String> excerpt = excerpt(text.get(), candidate.language(), stems);
            excerpt.ifPresent(e -> hits.add(new Hit(candidate.source(), UUID.fromString(candidate.ref()), candidate.touchpoint(),
                    candidate.writtenAt(), candidate.label(), e)));
        }
        return new Found(hits, withheld, candidates.size() > CANDIDATES);
    }

    /**
     * The part of the text around the first word of the query, or empty when the text (as it is now) lacks one of the
     * words. Without words, the start of the text.
     */
    static Optional<String> excerpt(String text, Language language, List<Set<String>> stems) {
        if (stems.isEmpty()) {
            return Optional.of(around(text, 0, 0));
        }
        Set<String> terms = TermIndex.termsOf(text, language);
        for (Set<String> forms : stems) {
            if (forms.stream().noneMatch(terms::contains)) {
                return Optional.empty();
            }
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            Set<String> its = TermIndex.termsOf(word.group(), language);
            if (stems.stream().anyMatch(forms -> forms.stream().anyMatch(its::contains))) {
                return Optional.of(around(text, word.start(), word.end()));
            }
        }
        return Optional.of(around(text, 0, 0));
    }

    private static String around(String text, int start, int end) {
        String flat = text.replaceAll("\\s+", " ");
        if (flat.length() != text.length()) {
            // Positions shift when white space is folded: find the word again in the folded text.
            String found = text.substring(start, end).replaceAll("\\s+", " ");
            start = Math.max(0, flat.indexOf(found));
            end = start + found.length();
        }
        int from = Math.max(0, start - EXCERPT);
        int to = Math.min(flat.length(), Math.max(end + EXCERPT, from + 2 * EXCERPT));
        if (from > 0) {
            int space = flat.indexOf(' ', from);
            from = space < 0 || space >= start ? from : space + 1;
        }
        if (to < flat.length()) {
            int space = flat.lastIndexOf(' ', to);
            to = space <= end ? to : space;
        }
        return (from > 0 ? "… " : "") + flat.substring(from, to).strip() + (to < flat.length() ? " …" : "");
    }

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        String person = rs.getString(3);
        UUID touchpoint = rs.getObject(4, UUID.class);
        return new Candidate(TextSource.valueOf(rs.getString(1)), rs.getString(2), person == null ? null : new PersonKey(person),
                touchpoint == null ? null : new TouchpointId(touchpoint), rs.getObject(5, OffsetDateTime.class).toInstant(),
                Language.of(rs.getString(6)).orElseThrow(), Analyses.label(rs.getString(7)));
    }
}
