package nl.buitenin.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.buitenin.contact.OutreachRequest.Occasion;
import nl.buitenin.contact.OutreachRequest.OccasionKind;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;

/** The requests senders build: each names its purpose and occasion; a survey question always names its touchpoint. */
class OutreachRequestTest {

    static final PersonKey PERSON = new PersonKey("p_" + "a".repeat(26));
    static final TouchpointId TOUCHPOINT = new TouchpointId(UUID.randomUUID());
    static final Instant NOW = Instant.parse("2025-10-14T12:00:00Z");

    @Test
    void eachFactoryNamesItsPurposeAndOccasion() {
        Instant call = NOW.minusSeconds(600);
        assertThat(OutreachRequest.invitationAfter(PERSON, TOUCHPOINT, call, Channel.EMAIL, NOW))
                .extracting(OutreachRequest::kind, OutreachRequest::occasion)
                .containsExactly(ContactKind.INVITATION, new Occasion(OccasionKind.CONTACT, call));
        assertThat(OutreachRequest.invitationDuringVisit(PERSON, TOUCHPOINT, call, Channel.WEB, NOW).occasion().kind())
                .isEqualTo(OccasionKind.VISIT_SINCE);
        assertThat(OutreachRequest.reminder(PERSON, TOUCHPOINT, call, Channel.EMAIL, NOW))
                .extracting(OutreachRequest::kind, r -> r.occasion().kind()).containsExactly(ContactKind.REMINDER, OccasionKind.INVITED_AT);
        OutreachRequest toldBack = OutreachRequest.toldBack(PERSON, NOW);
        assertThat(toldBack.kind()).isEqualTo(ContactKind.TOLD_BACK);
        assertThat(toldBack.touchpoint()).isNull();
        assertThat(toldBack.channel()).isNull();
        assertThat(toldBack.occasion()).isEqualTo(Occasion.NONE);
    }

    @Test
    void aSurveyQuestionNeedsItsTouchpointAndAnOccasionItsMoment() {
        assertThatNullPointerException().isThrownBy(() -> OutreachRequest.invitationAfter(PERSON, null, NOW, Channel.EMAIL, NOW))
                .withMessage("touchpoint");
        assertThatNullPointerException().isThrownBy(() -> OutreachRequest.reminder(PERSON, null, NOW, Channel.EMAIL, NOW))
                .withMessage("touchpoint");
        assertThatNullPointerException().isThrownBy(() -> new Occasion(OccasionKind.CONTACT, null)).withMessage("at");
        assertThatNullPointerException().isThrownBy(() -> OutreachRequest.toldBack(null, NOW)).withMessage("person");
    }
}
