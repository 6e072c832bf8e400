package nl.buitenin.listening.internal.answers;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every five minutes, the invitations that waited for quiet hours or a quiet day to pass go out
 * ({@code buitenin.listening.postponed-invitations=false} turns the job off on a node; taking a row is safe on several).
 */
@Component
class InvitationsDueJob {

    private static final Logger log = LoggerFactory.getLogger(InvitationsDueJob.class);

    private final Invitations invitations;
    private final Clock clock;
    private final boolean enabled;

    InvitationsDueJob(Invitations invitations, Clock clock, @Value("${buitenin.listening.postponed-invitations:true}") boolean enabled) {
        this.invitations = invitations;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${buitenin.listening.postponed-invitation-poll:PT5M}", initialDelayString = "PT50S")
    void run() {
        if (enabled) {
            int sent = invitations.sendPostponed(clock.instant());
            if (sent > 0) {
                log.info("Sent {} invitations that waited for the quiet time to pass", sent);
            }
        }
    }
}
