package nl.buitenin.listening.internal.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerSheet;
import nl.buitenin.listening.internal.answers.Completions;
import nl.buitenin.listening.internal.answers.GoneSources;
import nl.buitenin.listening.internal.answers.ResponseChannel;

/**
 * Records checked rows in one transaction, in batches through the one path of completed responses
 * ({@link Completions}, so the score histograms and the events follow in that transaction). The natural key survey +
 * tool + response id makes a second import of the same rows create nothing. A row whose answers were imported before
 * and have since lost their person (retention, erasure: see {@link GoneSources}) is not taken again either, and
 * counted apart.
 */
@Component
class AnswerImportWriter {

    /** Rows per batch: the progress is told between batches. */
    static final int BATCH = 500;

    private final Completions completions;
    private final GoneSources gone;

    AnswerImportWriter(Completions completions, GoneSources gone) {
        this.completions = completions;
        this.gone = gone;
    }

    static String sourceRef(Survey survey, ExportFormat format, String responseId) {
        return "import:" + survey.id() + ":" + format.code() + ":" + responseId;
    }

    @Transactional
    public ImportResult record(Survey survey, TouchpointId touchpoint, ExportFormat format, AnswerRows.Reading reading, int rows,
            IntConsumer progress) {
        int created = 0;
        int duplicates = 0;
        int pastRetention = 0;
        int forgotten = 0;
        int done = 0;
        Map<String, GoneSources.Reason> goneRows = gone.among(reading.accepted().stream()
                .map(row -> sourceRef(survey, format, row.responseId())).toList());
        List<Completions.Completion> batch = new ArrayList<>(BATCH);
        for (ImportedResponse row : reading.accepted()) {
            String sourceRef = sourceRef(survey, format, row.responseId());
            GoneSources.Reason why = goneRows.get(sourceRef);
            if (why != null) {
                if (why == GoneSources.Reason.EXPIRED) {
                    pastRetention++;
                } else {
                    forgotten++;
                }
            } else {
                batch.add(Completions.Completion.received(survey, touchpoint, row.person(), sourceRef, ResponseChannel.IMPORT, "nl",
                        AnswerSheet.read(survey.definition(), row.answers(), true).answers(), row.at(), row.staff(), row.team()));
            }
            done++;
            if (batch.size() == BATCH || done == reading.accepted().size()) {
                List<Optional<CompletedResponse>> completed = completions.complete(batch);
                int now = (int) completed.stream().filter(Optional::isPresent).count();
                created += now;
                duplicates += completed.size() - now;
                batch.clear();
                progress.accept(done);
            }
        }
        return new ImportResult(rows, created, duplicates, reading.rejectedRows(), reading.skipped(), pastRetention, forgotten,
                reading.errors());
    }
}
