package nl.buitenin.listening.internal.imports;

import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.answers.AnswerRecording;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;

/**
 * Records checked rows in one transaction, each through the same path as an answer given on the web (so the
 * score histograms and the events follow in that transaction). The natural key survey + tool + response id
 * makes a second import of the same rows create nothing.
 */
@Component
class AnswerImportWriter {

    private final JdbcResponses responses;
    private final AnswerRecording recording;

    AnswerImportWriter(JdbcResponses responses, AnswerRecording recording) {
        this.responses = responses;
        this.recording = recording;
    }

    static String sourceRef(Survey survey, ExportFormat format, String responseId) {
        return "import:" + survey.id() + ":" + format.code() + ":" + responseId;
    }

    @Transactional
    public ImportResult record(Survey survey, TouchpointId touchpoint, ExportFormat format, AnswerRows.Reading reading, int rows,
            IntConsumer progress) {
        int created = 0;
        int duplicates = 0;
        int done = 0;
        for (ImportedResponse row : reading.accepted()) {
            Optional<UUID> response = responses.create(survey.id(), touchpoint, row.person(), sourceRef(survey, format, row.responseId()),
                    ResponseChannel.IMPORT, "nl", ResponseStatus.INVITED, row.at(), null);
            if (response.isPresent()) {
                recording.complete(response.get(), row.answers(), row.at());
                created++;
            } else {
                duplicates++;
            }
            progress.accept(++done);
        }
        return new ImportResult(rows, created, duplicates, reading.rejectedRows(), reading.skipped(), reading.errors());
    }
}
