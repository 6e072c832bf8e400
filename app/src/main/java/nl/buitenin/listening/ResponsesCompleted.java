package nl.buitenin.listening;

import java.util.List;

/**
 * Many people finished a survey: the responses of one batch sent through the answers API, published once in
 * the transaction that stored them. Listeners treat each element exactly as a single {@link ResponseCompleted};
 * one event per batch keeps the event log from growing by a row per answer.
 */
public record ResponsesCompleted(List<ResponseCompleted> responses) {

    public ResponsesCompleted {
        responses = List.copyOf(responses);
    }
}
