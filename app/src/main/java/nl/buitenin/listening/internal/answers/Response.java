package nl.buitenin.listening.internal.answers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.SurveyId;
import nl.buitenin.privacy.PersonKey;

/** A response as stored, with the answers given so far. */
public record Response(UUID id, SurveyId survey, TouchpointId touchpoint, PersonKey person, String sourceRef,
        ResponseChannel channel, String language, ResponseStatus status, Instant invitedAt, Instant expiresAt,
        Instant completedAt, List<GivenAnswer> answers) {

    public Response {
        answers = List.copyOf(answers);
    }

    public boolean isCompleted() {
        return status == ResponseStatus.COMPLETED;
    }
}
