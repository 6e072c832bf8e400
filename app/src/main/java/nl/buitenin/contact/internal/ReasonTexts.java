package nl.buitenin.contact.internal;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;

/** The reasons' texts for one policy, in Dutch and English, made once per policy rather than per decision. */
final class ReasonTexts {

    /** The texts of the last policy asked for, as one value so that policy and texts always belong together. */
    private record Cached(Policy policy, ReasonTexts texts) {
    }

    /** One policy at a time is in force, so one entry suffices; a changed policy replaces it. */
    private static volatile @Nullable Cached last;

    private final Map<ReasonCode, Reason> reasons = new EnumMap<>(ReasonCode.class);

    /**
     * The texts for this policy, made again only when the policy differs from the last one asked for: survey decisions
     * and offer decisions ask for them on every decision.
     */
    static ReasonTexts of(Policy policy) {
        Cached current = last;
        if (current == null || !current.policy().equals(policy)) {
            current = new Cached(policy, new ReasonTexts(policy));
            last = current;
        }
        return current.texts();
    }

    private ReasonTexts(Policy p) {
        add(ReasonCode.NO_CONSENT, "Deze persoon heeft geen toestemming gegeven om om feedback te worden gevraagd.",
                "This person has not consented to being asked for feedback.");
        add(ReasonCode.DO_NOT_ASK, "Deze persoon heeft gevraagd nooit om feedback te worden gevraagd.",
                "This person asked never to be asked for feedback.");
        add(ReasonCode.CHANNEL_NOT_PREFERRED, "Deze persoon wil niet via " + p.invitationChannel().name().toLowerCase() + " benaderd worden.",
                "This person does not want to be contacted by " + p.invitationChannel().name().toLowerCase() + ".");
        add(ReasonCode.NOT_SAMPLED, "Niet in de steekproef voor dit contactmoment in deze periode (we vragen een deel van de contacten, niet iedereen).",
                "Not in the sample for this touchpoint in this period (we ask a share of contacts, not everyone).");
        add(ReasonCode.RECONTACT_WINDOW, "In de afgelopen " + p.recontactDays() + " dagen al uitgenodigd voor een vragenlijst.",
                "Already invited to a survey in the last " + p.recontactDays() + " days.");
        add(ReasonCode.QUARTER_CAP, "Dit kwartaal al " + p.capPerQuarter() + " keer benaderd (uitnodigingen en herinneringen); dat is het maximum.",
                "Already contacted " + p.capPerQuarter() + " times this quarter (invitations and reminders); that is the maximum.");
        add(ReasonCode.YEAR_CAP, "Dit jaar al " + p.capPerYear() + " keer benaderd (uitnodigingen en herinneringen); dat is het maximum.",
                "Already contacted " + p.capPerYear() + " times this year (invitations and reminders); that is the maximum.");
        add(ReasonCode.QUIET_HOURS, "Het is nu rustige tijd (" + p.quietFrom() + "–" + p.quietUntil() + ").",
                "It is quiet time now (" + p.quietFrom() + "–" + p.quietUntil() + ").");
        add(ReasonCode.QUIET_DAY, "Vandaag is een rustige dag; dan sturen we geen uitnodigingen of berichten.",
                "Today is a quiet day; no invitations or messages are sent on it.");
        add(ReasonCode.REMINDER_NOT_WANTED, "Deze persoon heeft niet om herinneringen gevraagd.",
                "This person did not ask for reminders.");
        add(ReasonCode.OPEN_CASE, "Er loopt een zaak (bijvoorbeeld een klacht) van deze persoon; eerst die oplossen.",
                "A case (a complaint, for example) of this person is open; solve that first.");
        add(ReasonCode.RECENT_OPERATIONAL_CONTACT, "Deze persoon had in de afgelopen " + p.operationalContactDays() + " dagen al ander contact met ons.",
                "This person had another contact with us in the last " + p.operationalContactDays() + " days.");
        add(ReasonCode.DO_NOT_CONTACT, "Deze persoon wil via geen enkel kanaal benaderd worden.",
                "This person does not want to be contacted on any channel.");
        add(ReasonCode.PERSON_UNKNOWN, "Deze persoon is niet (meer) bekend; de gegevens zijn verwijderd.",
                "This person is not (or no longer) known; their data was erased.");
        add(ReasonCode.TOO_LONG_AFTER_CONTACT, "Te lang na het contact: na de rustige tijd is het meer dan "
                        + p.maxInvitationDelay().toHours() + " uur na het contact, dan gaat een antwoord niet meer over dat contact.",
                "Too long after the contact: after the quiet time it is more than " + p.maxInvitationDelay().toHours()
                        + " hours after the contact, and an answer would no longer be about that contact.");
    }

    Reason get(ReasonCode code) {
        return reasons.get(code);
    }

    private void add(ReasonCode code, String nl, String en) {
        reasons.put(code, new Reason(code, nl, en));
    }
}
