package nl.buitenin.listening.internal.imports;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.GoneSources;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;

/**
 * Records checked rows in one transaction, each through the same path as an answer given on the web (so the
 * score histograms and the events follow in that transaction). The natural key survey + tool + response id
 * makes a second import of the same rows create nothing. A row whose answers were imported before and have since
 * lost their person (retention, erasure: see {@link GoneSources}) is not taken again either, and counted apart.
 */
@Component
class AnswerImportWriter {

    private final JdbcResponses responses;
    private final AnswerRecording recording;
    private final GoneSources gone;

    AnswerImportWriter(JdbcResponses responses, AnswerRecording recording, GoneSources gone) {
        this.responses = responses;
        this.recording = recording;
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
        for (ImportedResponse row : reading.accepted()) {
            String sourceRef = sourceRef(survey, format, row.responseId());
            GoneSources.Reason why = goneRows.get(sourceRef);
            if (why != null) {
                if (why == GoneSources.Reason.EXPIRED) {
                    pastRetention++;
                } else {
                    forgotten++;
                }
                progress.accept(++done);
                continue;
            }
            Optional<UUID> response = responses.create(survey.id(), touchpoint, row.person(), sourceRef,
                    ResponseChannel.IMPORT, "nl", ResponseStatus.INVITED, row.at(), null);
            if (response.isPresent()) {
                recording.complete(response.get(), row.answers(), row.at());
                created++;
            } else {
                duplicates++;
            }
            progress.accept(++done);
        }
        return new ImportResult(rows, created, duplicates, reading.rejectedRows(), reading.skipped(), pastRetention, forgotten,
                reading.errors());
    }
}
