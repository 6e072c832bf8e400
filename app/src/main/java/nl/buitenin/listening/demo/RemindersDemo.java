package nl.buitenin.listening.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Outreach;
import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.Survey;
import nl.buitenin.listening.internal.SurveyStatus;
import nl.buitenin.listening.internal.answers.Invitations;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.ResponseChannel;
import nl.buitenin.listening.internal.answers.ResponseStatus;
import nl.buitenin.privacy.Consents;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.Preferences;
import nl.buitenin.privacy.PurposeId;

/**
 * A few travellers who consented and asked for reminders were invited four days ago and have not answered: shortly after
 * start-up the reminder job asks the contact policy for each and, where it allows, the reminder e-mail is
 * written to the log (the demo has no SMTP server); the decisions appear in the contact policy's log. Loaded in quiet
 * hours (before 09:00), the reminders are listed there as scheduled for 09:00 and go out when the quiet hours end.
 */
@Component
class RemindersDemo implements DemoStep {

    static final int TRAVELLERS = 6;

    private final JdbcSurveys surveys;
    private final JdbcResponses responses;
    private final Persons persons;
    private final Consents consents;
    private final Outreach outreach;
    private final Clock clock;

    RemindersDemo(JdbcSurveys surveys, JdbcResponses responses, Persons persons, Consents consents, Outreach outreach, Clock clock) {
        this.surveys = surveys;
        this.responses = responses;
        this.persons = persons;
        this.consents = consents;
        this.outreach = outreach;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 460;
    }

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    @Transactional
    public void load(DemoContext context) {
        // Only people who had registered and consented before they were invited (see the privacy step).
        Map<PersonKey, Instant> askable = context.get("privacy.feedbackSince");
        Survey survey = surveys.latestVersions().stream().filter(s -> s.status() == SurveyStatus.PUBLISHED).findFirst()
                .flatMap(s -> surveys.byId(s.id())).orElse(null);
        Instant invited = clock.instant().minus(Duration.ofDays(4));
        List<PersonKey> people = askable == null ? List.of() : askable.entrySet().stream()
                .filter(e -> !e.getValue().isAfter(invited)).map(Map.Entry::getKey)
                .sorted(java.util.Comparator.comparing(PersonKey::value)).toList();
        if (people.size() < TRAVELLERS || survey == null || survey.definition().touchpoints().isEmpty()) {
            return;
        }
        Random random = context.random(name());
        TouchpointId touchpoint = survey.definition().touchpoints().get(0);
        int invitedSoFar = 0;
        for (int tries = 0; invitedSoFar < TRAVELLERS && tries < 50 * TRAVELLERS; tries++) {
            PersonKey person = people.get(random.nextInt(people.size()));
            Preferences preferences = persons.preferences(person);
            if (!consents.isGiven(person, PurposeId.FEEDBACK) || preferences.doNotAsk()) {
                continue;
            }
            // They ticked "remind me" on their own page.
            persons.setPreferences(person, new Preferences(preferences.channel(), preferences.language(), true, false));
            int i = invitedSoFar++;
            responses.create(survey.id(), touchpoint, person, "demo-reminder:" + i, ResponseChannel.EMAIL, preferences.language(),
                    ResponseStatus.INVITED, invited, invited.plus(Invitations.VALIDITY))
                    .ifPresent(id -> outreach.contacted(person, touchpoint, ContactKind.INVITATION, Channel.EMAIL, invited));
        }
    }
}
