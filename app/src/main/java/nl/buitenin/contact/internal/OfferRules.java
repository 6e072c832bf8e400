package nl.buitenin.contact.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.buitenin.contact.ContactKind;
import nl.buitenin.contact.Interests.InterestStanding;
import nl.buitenin.contact.Reason;
import nl.buitenin.contact.ReasonCode;
import nl.buitenin.journey.Channel;
import nl.buitenin.privacy.PreferredChannel;

/**
 * The rules for an offer ("may we offer this topic to this person on this channel now?"), every objection with its
 * reason: consent for the purpose "offers", "don't contact me", the channel preference, an open case, a recent survey
 * invitation, quiet hours and days, the cap per topic, the shared contact budget, and the interest itself (faded below
 * the threshold, or closed). Plain Java, no storage; the survey rules of {@link PolicyEngine} are not asked.
 */
public final class OfferRules {

    /** Channels on which an offer is shown during the person's own visit rather than sent: no preference weighs on them. */
    static final Set<Channel> SHOWN = Set.of(Channel.WEB, Channel.APP);

    private OfferRules() {
    }

    /**
     * What the offer rules need to know about the person, gathered from privacy, the modules with cases and the module
     * with interests.
     */
    public record OfferFacts(boolean consentGiven, PreferredChannel preferredChannel, boolean openCase, InterestStanding interest) {
    }

    public static List<Reason> decide(Policy policy, OfferPolicy offers, OfferFacts facts, List<LoggedContact> log, String topic,
            Channel channel, Instant now) {
        ReasonTexts texts = ReasonTexts.of(policy);
        List<Reason> reasons = new ArrayList<>(2);
        if (!facts.consentGiven()) {
            reasons.add(new Reason(ReasonCode.NO_OFFER_CONSENT, "Deze persoon heeft geen toestemming gegeven voor aanbiedingen.",
                    "This person has not consented to offers."));
        }
        if (facts.preferredChannel() == PreferredChannel.NONE) {
            reasons.add(texts.get(ReasonCode.DO_NOT_CONTACT));
        } else if (!SHOWN.contains(channel) && !matches(facts.preferredChannel(), channel)) {
            String name = channel.name().toLowerCase(java.util.Locale.ROOT);
            reasons.add(new Reason(ReasonCode.CHANNEL_NOT_PREFERRED, "Deze persoon wil niet via " + name + " benaderd worden.",
                    "This person does not want to be contacted by " + name + "."));
        }
        if (facts.openCase()) {
            reasons.add(texts.get(ReasonCode.OPEN_CASE));
        }
        Instant surveySince = now.minus(Duration.ofDays(offers.recentSurveyDays()));
        if (log.stream().anyMatch(c -> (c.kind() == ContactKind.INVITATION || c.kind() == ContactKind.REMINDER)
                && c.at().isAfter(surveySince) && !c.at().isAfter(now))) {
            reasons.add(new Reason(ReasonCode.RECENT_SURVEY,
                    "Deze persoon kreeg in de afgelopen " + offers.recentSurveyDays() + " dagen een vragenlijst; geen aanbieding er vlak achteraan.",
                    "This person was sent a survey in the last " + offers.recentSurveyDays() + " days; no offer right behind it."));
        }
        ZonedDateTime local = now.atZone(policy.zone());
        if (policy.isQuiet(local.toLocalTime())) {
            reasons.add(texts.get(ReasonCode.QUIET_HOURS));
        }
        if (policy.quietDays().contains(local.getDayOfWeek())) {
            reasons.add(texts.get(ReasonCode.QUIET_DAY));
        }
        Instant topicSince = now.minus(Duration.ofDays(offers.topicCapDays()));
        long onTopic = log.stream().filter(c -> c.kind() == ContactKind.OFFER && topic.equalsIgnoreCase(c.topic())
                && c.at().isAfter(topicSince) && !c.at().isAfter(now)).count();
        if (onTopic >= offers.topicCap()) {
            reasons.add(new Reason(ReasonCode.TOPIC_CAP,
                    "In de afgelopen " + offers.topicCapDays() + " dagen al " + onTopic + " aanbieding(en) over " + topic + " gestuurd; het maximum is "
                            + offers.topicCap() + ".",
                    "Already sent " + onTopic + " offer(s) on " + topic + " in the last " + offers.topicCapDays() + " days; the maximum is "
                            + offers.topicCap() + "."));
        }
        reasons.addAll(ContactBudget.check(offers, log, ContactKind.OFFER, policy.zone(), now));
        if (facts.interest().closed()) {
            reasons.add(new Reason(ReasonCode.INTEREST_CLOSED,
                    "De belangstelling voor " + topic + " is afgesloten (al gekocht, of door de persoon zelf verwijderd).",
                    "The interest in " + topic + " is closed (already bought, or removed by the person)."));
        } else if (!facts.interest().counts()) {
            reasons.add(new Reason(ReasonCode.NO_INTEREST,
                    "Geen belangstelling voor " + topic + " die nu telt: ze is er niet of is onder de drempel weggezakt.",
                    "No interest in " + topic + " that counts now: there is none, or it has faded below the threshold."));
        }
        return reasons;
    }

    /** Whether a channel is the one the person prefers to be reached on (SMS has no channel of its own: nothing sent matches). */
    static boolean matches(PreferredChannel preferred, Channel channel) {
        return switch (preferred) {
            case EMAIL -> channel == Channel.EMAIL;
            case PHONE -> channel == Channel.PHONE;
            case SMS, NONE -> false;
        };
    }
}
