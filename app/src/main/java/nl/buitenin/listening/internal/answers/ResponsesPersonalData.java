package nl.buitenin.listening.internal.answers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.FreeTextScrubber;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;

/**
 * What a person answered is theirs: it is part of their export, and when they are forgotten their free
 * text is scrubbed of what identified them and the response loses their key. Scores stay, anonymous,
 * in the histograms and the responses.
 */
@Component
class ResponsesPersonalData implements PersonalDataSource {

    private final JdbcResponses responses;
    private final FreeTextScrubber scrubber = new FreeTextScrubber();

    ResponsesPersonalData(JdbcResponses responses) {
        this.responses = responses;
    }

    /** One response in a person's export. */
    record ExportedResponse(UUID id, String survey, String touchpoint, String channel, String status, Instant invitedAt,
            Instant completedAt, List<GivenAnswer> answers) {
    }

    @Override
    public String section() {
        return "answers";
    }

    @Override
    public List<?> export(PersonKey person) {
        return responses.responsesOf(person).stream()
                .map(id -> responses.byId(id).orElseThrow())
                .map(r -> new ExportedResponse(r.id(), r.survey().toString(),
                        r.touchpoint() == null ? null : r.touchpoint().toString(), r.channel().name(), r.status().name(),
                        r.invitedAt(), r.completedAt(), r.answers()))
                .toList();
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        responses.forget(erased.person(), text -> scrubber.scrub(text, erased.identifiers()));
    }
}
