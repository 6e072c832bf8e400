package nl.buitenin.listening.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.listening.internal.answers.Invitations;
import nl.buitenin.privacy.PersonKey;

/**
 * The invitations after the contacts of the last 90 days, replayed as they would have gone: the demo's interactions came
 * in as history without events, so this step does what the listener does, at the moment of each contact and oldest first.
 * The contact policy decides each (sample, caps, consent, quiet hours); an evening contact waits for the next allowed
 * moment, and the invitations due before the next contact are sent at their own moment, as the job would have. So the
 * policy page's share invited per hour has figures for the evening too, and its log has invitations that waited. People
 * who consented only after their contact are left out: the policy reads today's consent, which they did not have then.
 */
@Component
class WaitingInvitationsDemo implements DemoStep {

    private static final Logger log = LoggerFactory.getLogger(WaitingInvitationsDemo.class);

    private final Invitations invitations;
    private final Clock clock;

    WaitingInvitationsDemo(Invitations invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 498;
    }

    @Override
    public String name() {
        return "invitations after contacts";
    }

    @Override
    public void load(DemoContext context) {
        List<Interaction> recent = context.get("journey.recentInteractions");
        Map<PersonKey, Instant> feedbackSince = context.get("privacy.feedbackSince");
        if (recent == null || feedbackSince == null) {
            return;
        }
        Map<Invitations.Outcome, Integer> outcomes = new EnumMap<>(Invitations.Outcome.class);
        int sentAfterWaiting = 0;
        for (Interaction contact : invitations.worthAsking(recent, recent.isEmpty() ? clock.instant() : recent.get(0).at())) {
            Instant since = feedbackSince.get(contact.person());
            if (since != null && since.isAfter(contact.at())) {
                continue;
            }
            sentAfterWaiting += sendDueBy(contact.at());
            outcomes.merge(invitations.inviteAt(contact, contact.at()), 1, Integer::sum);
        }
        // What waited until before now goes out as the job's first run would send it; the rest waits for the job.
        sentAfterWaiting += sendDueBy(clock.instant());
        log.info("Demo: invitations after the contacts of the last 90 days {}, {} of them sent after waiting for the quiet time",
                outcomes, sentAfterWaiting);
    }

    /**
     * Sends each invitation due by {@code until} at its own moment (the end of the quiet time), as the job would have
     * then; stops at a moment whose invitations stay on the list (one that failed is left to the job).
     */
    private int sendDueBy(Instant until) {
        int sent = 0;
        Instant previous = null;
        for (Optional<Instant> due = invitations.firstDueBy(until); due.isPresent() && !due.get().equals(previous);
                due = invitations.firstDueBy(until)) {
            previous = due.get();
            sent += invitations.sendPostponed(previous);
        }
        return sent;
    }
}
