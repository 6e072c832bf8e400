package nl.buitenin.assumptions.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.buitenin.listening.ResponsesCompleted;

/**
 * Assumptions are tested again when new answers arrive (issue 21: "re-tested when the data comes in"), so a stored
 * verdict (the list, the owner's page, the workshop's result, the organisation's figure) follows the data without
 * anybody opening it. Not per answer: an event only marks the verdicts stale, and at most once per
 * {@code buitenin.assumptions.retest-every} every assumption with a test is tested again through
 * {@link AssumptionBook#testAll()}, the one path that writes outcomes. Theme tags (loop's events) are not listened to
 * (assumptions does not depend on loop); the next answers or a reading bring those in.
 */
@Component
public class RetestOnNewData {

    private static final Logger log = LoggerFactory.getLogger(RetestOnNewData.class);

    private final AssumptionBook book;
    private final AtomicBoolean stale = new AtomicBoolean();

    RetestOnNewData(AssumptionBook book) {
        this.book = book;
    }

    @ApplicationModuleListener
    void on(ResponsesCompleted completed) {
        stale.set(true);
    }

    /** Whether answers arrived since the last re-test. */
    public boolean stale() {
        return stale.get();
    }

    /** Tests every assumption again when answers arrived since the last time; returns how many were tested. */
    @Scheduled(fixedDelayString = "${buitenin.assumptions.retest-every:PT5M}", initialDelayString = "${buitenin.assumptions.retest-every:PT5M}")
    public int retestIfStale() {
        if (!stale.getAndSet(false)) {
            return 0;
        }
        try {
            int tested = (int) book.testAll().stream().filter(a -> a.test() != null).count();
            log.debug("Assumptions re-tested after new answers: {}", tested);
            return tested;
        } catch (RuntimeException e) {
            stale.set(true); // try again next time
            throw e;
        }
    }
}
