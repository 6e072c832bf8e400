package nl.buitenin.streams.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;

import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ResponsesCompleted;
import nl.buitenin.loop.ActionCompleted;
import nl.buitenin.loop.CaseOpened;
import nl.buitenin.streams.StreamedActionCompleted;
import nl.buitenin.streams.StreamedCaseOpened;
import nl.buitenin.streams.StreamedResponsesCompleted;

/**
 * Turns the domain events worth telling other systems into the stream's own records, leaving out every person key and
 * text, and publishes those; Spring Modulith's externalisation sends them to Kafka ({@link StreamsConfiguration}). Both
 * steps go through the event publication registry, so an event survives a restart or a broker that is away.
 */
class EventsToStream {

    private final ApplicationEventPublisher events;
    private final Touchpoints touchpoints;

    EventsToStream(ApplicationEventPublisher events, Touchpoints touchpoints) {
        this.events = events;
        this.touchpoints = touchpoints;
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        String source = opened.source().value();
        events.publishEvent(new StreamedCaseOpened(opened.caseId().value(), opened.type().code(),
                source.substring(0, source.indexOf(':')), id(opened.touchpoint()), journeyOf(opened.touchpoint()), opened.deadline(),
                opened.at()));
    }

    @ApplicationModuleListener
    void on(ActionCompleted completed) {
        List<UUID> themes = completed.themes().stream().map(t -> t.value()).sorted().toList();
        events.publishEvent(new StreamedActionCompleted(completed.actionId().value(), themes, completed.completedAt()));
    }

    /** One record per journey of the batch, so each is keyed by its journey. */
    @ApplicationModuleListener
    void on(ResponsesCompleted completed) {
        Map<Optional<UUID>, List<StreamedResponsesCompleted.Response>> byJourney = new LinkedHashMap<>();
        Map<TouchpointId, Optional<UUID>> journeys = new LinkedHashMap<>();
        for (CompletedResponse response : completed.responses()) {
            Optional<UUID> journey = response.touchpoint() == null ? Optional.empty()
                    : journeys.computeIfAbsent(response.touchpoint(), t -> Optional.ofNullable(journeyOf(t)));
            List<StreamedResponsesCompleted.Score> scores = response.scores().stream()
                    .map(s -> new StreamedResponsesCompleted.Score(s.questionKey(), s.type().name(), s.value())).toList();
            byJourney.computeIfAbsent(journey, j -> new java.util.ArrayList<>()).add(new StreamedResponsesCompleted.Response(
                    response.response(), response.survey().value(), id(response.touchpoint()), response.at(), scores,
                    response.caseRulesMatched()));
        }
        byJourney.forEach((journey, responses) -> events.publishEvent(new StreamedResponsesCompleted(journey.orElse(null), responses)));
    }

    private @Nullable UUID journeyOf(@Nullable TouchpointId touchpoint) {
        return touchpoint == null ? null : touchpoints.byId(touchpoint).map(Touchpoint::journey).map(j -> j.value()).orElse(null);
    }

    private static @Nullable UUID id(@Nullable TouchpointId touchpoint) {
        return touchpoint == null ? null : touchpoint.value();
    }
}
