package nl.buitenin.offers.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.journey.InteractionsRecorded;

/** Journey's new interactions feed the interests; each is counted once, even when the event is handled again. */
@Component
class InterestListener {

    private final InterestBook book;

    InterestListener(InterestBook book) {
        this.book = book;
    }

    // Only events in which an interaction names a person and a topic (InterestBook.record passes over the rest): for the
    // others the event log stores no publication of this listener.
    @ApplicationModuleListener(condition = "#p0.hasTopicsOfPeople()")
    void on(InteractionsRecorded recorded) {
        book.record(recorded.interactions());
    }
}
