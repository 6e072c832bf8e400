package nl.buitenin.offers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import nl.buitenin.privacy.OwnInterests;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;

/** The person's interests on their own page: only under the purpose "offers", and only those that count now. */
@Component
class OwnPageInterests implements OwnInterests {

    private final InterestBook book;
    private final PurposeGuard purposes;
    private final Clock clock;

    OwnPageInterests(InterestBook book, PurposeGuard purposes, Clock clock) {
        this.book = book;
        this.purposes = purposes;
        this.clock = clock;
    }

    @Override
    public List<Interest> of(PersonKey person) {
        if (!purposes.mayUse(PurposeId.OFFERS, person)) {
            return List.of();
        }
        purposes.check(PurposeId.OFFERS, person, "interests on the own page");
        Instant now = clock.instant();
        Instant horizon = now.plus(InterestBook.HORIZON);
        return book.of(person, now).stream().filter(InterestBook.Current::counts)
                .map(i -> new Interest(i.topic(), horizon.equals(i.countsUntil()) ? null : i.countsUntil())).toList();
    }

    @Override
    public boolean remove(PersonKey person, String topic) {
        return book.remove(person, topic);
    }

    @Override
    public void forget(PersonKey person) {
        book.forget(person);
    }
}
