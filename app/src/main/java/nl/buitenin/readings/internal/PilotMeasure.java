package nl.buitenin.readings.internal;

import java.util.Locale;

import nl.buitenin.listening.QuestionType;

/**
 * The score a pilot is read by. Each response at the pilot's touchpoints counts with the first question of this type
 * it answered (a survey has one NPS question and usually one CSAT or CES question), so a pilot needs no survey of
 * its own and keeps reading the same score when a survey gets a new version. NPS is compared as NPS, CSAT as the
 * share of 4 and 5 (top-2 box), the other scales by their mean.
 */
public enum PilotMeasure {
    NPS(QuestionType.NPS),
    CSAT(QuestionType.CSAT),
    CES(QuestionType.CES),
    RATING_5(QuestionType.RATING_5),
    RATING_10(QuestionType.RATING_10);

    private final QuestionType question;

    PilotMeasure(QuestionType question) {
        this.question = question;
    }

    public QuestionType question() {
        return question;
    }

    /** Whether the measure is a mean of the scale (compared with Welch's test). */
    public boolean isMean() {
        return this != NPS && this != CSAT;
    }

    /** The code in the API and forms. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "readings.pilot.measure." + code();
    }

    /** The key of the unit a difference is told in, with the number as its argument ("14 NPS-punten"). */
    public String unitKey() {
        return "readings.pilot.unit." + code();
    }
}
