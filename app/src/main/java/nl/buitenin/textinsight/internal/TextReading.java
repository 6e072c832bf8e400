package nl.buitenin.textinsight.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.insight.text.TextAnalysis;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.textinsight.TextSource;

/**
 * Reads texts under the purpose "service improvement" and stores what the analysis found. The text of a known person
 * is read only when the purpose allows it (and the read is logged); a text it refuses is not analysed, only counted.
 * One batch is analysed with the shared analyzer and inserted at once.
 */
@Service
public class TextReading {

    private static final Logger log = LoggerFactory.getLogger(TextReading.class);

    /** A text to analyse, with where it came from. */
    public record Written(TextSource source, String ref, @Nullable PersonKey person, @Nullable TouchpointId touchpoint, Instant at,
            String text) {
    }

    /** What a batch came to: stored, refused by the purpose, or stored before (a replay). */
    public record Outcome(int analysed, int refused, int before) {
    }

    private final PurposeReads reads;
    private final Analyses analyses;
    private final SentimentModel model;
    private final ThemeSuggestions themes;
    private final Clock clock;
    private final TransactionTemplate joined;
    private final TermIndex terms;

    TextReading(PurposeReads reads, Analyses analyses, SentimentModel model, ThemeSuggestions themes, TermIndex terms, Clock clock,
            PlatformTransactionManager transactions) {
        this.themes = themes;
        this.reads = reads;
        this.terms = terms;
        this.joined = new TransactionTemplate(transactions);
        this.analyses = analyses;
        this.model = model;
        this.clock = clock;
    }

    /** Whether the person's text may be read for service improvement now; logs the read when it may. */
    public boolean mayRead(@Nullable PersonKey person, String what, Instant recordedAt) {
        return reads.mayRead(person, what, recordedAt);
    }

    /**
     * Of these people (each with the moment of their earliest text to read), those whose texts may be read for service
     * improvement now, checked in one batch; each read or refusal is logged.
     */
    public java.util.Set<PersonKey> mayRead(Map<PersonKey, Instant> recordedAt, String what) {
        return reads.allowed(recordedAt, what);
    }

    /** Whether the person's text may be read for the purpose now; logs the read when it may. */
    public boolean mayRead(PurposeId purpose, @Nullable PersonKey person, String what, Instant recordedAt) {
        return reads.mayRead(purpose, person, what, recordedAt);
    }

    /**
     * Analyses and stores the texts whose source has no analysis yet; blank texts are skipped. Each purpose check runs
     * without throwing ({@link #mayRead}), so a refused text does not take the rest of the batch with it.
     */
    public Outcome analyse(List<Written> texts) {
        List<AnalysedText> found = new ArrayList<>(texts.size());
        int refused = 0;
        for (Written written : texts) {
            if (written.text().isBlank()) {
                continue;
            }
            // The access log is part of the person's export: it says what was read, without ids.
            if (!mayRead(written.person(), "text analysis of a " + written.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    written.at())) {
                refused++;
                continue;
            }
            found.add(analysed(written));
        }
        Map<String, Written> byRef = new HashMap<>();
        texts.forEach(written -> byRef.put(written.source() + ":" + written.ref(), written));
        // The analysis and its search terms commit together, so the index never lists a text that was not analysed.
        List<AnalysedText> added = joined.execute(s -> {
            List<AnalysedText> stored = analyses.add(found, clock.instant());
            List<TermIndex.Indexed> indexed = new ArrayList<>(stored.size());
            for (AnalysedText text : stored) {
                Written written = byRef.get(text.source() + ":" + text.ref());
                if (written != null) {
                    indexed.add(new TermIndex.Indexed(text.source(), text.ref(), text.person(), written.text(), text.language()));
                }
            }
            terms.add(indexed);
            return stored;
        });
        // Themes are suggested for texts analysed now only, so a replayed event suggests nothing again.
        for (AnalysedText text : added) {
            Written written = byRef.get(text.source() + ":" + text.ref());
            if (written != null) {
                themes.suggest(text.source(), text.ref(), written.text(), text.language());
            }
        }
        if (refused > 0) {
            log.info("Text analysis: {} of {} texts not read, the purpose service-improvement refused them", refused, texts.size());
        }
        return new Outcome(added.size(), refused, found.size() - added.size());
    }

    private AnalysedText analysed(Written written) {
        TextAnalysis analysis = TextAnalyzer.standard().analyze(written.text());
        return new AnalysedText(written.source(), written.ref(), written.person(), written.touchpoint(), written.at(),
                analysis.language(), analysis.sentiment().score(), model.label(written.text(), analysis));
    }
}
