package nl.buitenin.listening;

import java.util.List;

/**
 * People finished a survey: the one event of a completed response, however it came in (the answer page, the widget,
 * the answers API, an import). Published in the transaction that stored the answers, after the score histograms were
 * updated: one event for an answer on the page (a list of one), a few of at most 500 responses for a batch, which
 * keeps the event log from growing by a row per answer. Listeners handle each response on its own (and idempotently:
 * {@link CompletedResponse#sourceRef()}).
 */
public record ResponsesCompleted(List<CompletedResponse> responses) {

    public ResponsesCompleted {
        responses = List.copyOf(responses);
    }
}
