package nl.buitenin.insight.text;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.text.DemandReading.Why;

/** The reasons of the failure-demand classifier, in Dutch and English, built from the rule that decided. */
final class Whys {

    private Whys() {
    }

    static Why cue(FailureKind kind, String phrase) {
        String shown = phrase.replace(" ... ", " … ").replace("*", "");
        return new Why("Faalvraag (" + nl(kind) + "): „" + shown + "” — " + explainNl(kind) + ".",
                "Failure demand (" + en(kind) + "): \"" + shown + "\" — " + explainEn(kind) + ".");
    }

    static Why value(@Nullable String phrase) {
        if (phrase == null) {
            return new Why("Waardevraag: geen teken van een fout, een herhaling of onduidelijke informatie gevonden.",
                    "Value demand: no sign of a failure, a repeat or unclear information found.");
        }
        String shown = phrase.replace(" ... ", " … ");
        return new Why("Waardevraag: „" + shown + "” — een vraag om iets waarvoor de organisatie er is, zonder teken van "
                + "een fout of onduidelijkheid.",
                "Value demand: \"" + shown + "\" — asks for what the organisation is there for, with no sign of a failure "
                        + "or unclear information.");
    }

    static Why repeat(String word, @Nullable Instant earlier, @Nullable Instant later) {
        String whenNl = "eerder";
        String whenEn = "before";
        if (earlier != null && later != null) {
            long days = Duration.between(earlier, later).toDays();
            whenNl = days == 0 ? "eerder op dezelfde dag" : days == 1 ? "een dag eerder" : days + " dagen eerder";
            whenEn = days == 0 ? "earlier the same day" : days == 1 ? "a day before" : days + " days before";
        }
        return new Why("Faalvraag (herhaling): dezelfde persoon nam " + whenNl + " al contact op over hetzelfde („" + word
                + "”) en dat was nog niet opgelost.",
                "Failure demand (repeating): the same person contacted " + whenEn + " about the same matter (\"" + word
                        + "\"), which was not yet resolved.");
    }

    private static String nl(FailureKind kind) {
        return switch (kind) {
            case REPEATING -> "herhaling";
            case CORRECTING -> "rechtzetten";
            case CHASING -> "najagen";
            case NOT_UNDERSTANDING -> "niet begrijpen";
            case COMPLAINT -> "klacht over een fout";
        };
    }

    private static String en(FailureKind kind) {
        return switch (kind) {
            case REPEATING -> "repeating";
            case CORRECTING -> "correcting";
            case CHASING -> "chasing";
            case NOT_UNDERSTANDING -> "not understanding";
            case COMPLAINT -> "complaint about a failure";
        };
    }

    private static String explainNl(FailureKind kind) {
        return switch (kind) {
            case REPEATING -> "dezelfde vraag komt terug omdat ze nog niet is opgelost";
            case CORRECTING -> "vraagt een fout van de organisatie te herstellen";
            case CHASING -> "vraagt naar iets dat al geleverd of gedaan had moeten zijn";
            case NOT_UNDERSTANDING -> "vraagt uitleg over iets dat de eigen informatie duidelijk had moeten maken";
            case COMPLAINT -> "meldt dat iets in de dienstverlening misging";
        };
    }

    private static String explainEn(FailureKind kind) {
        return switch (kind) {
            case REPEATING -> "the same matter comes back because it is not yet resolved";
            case CORRECTING -> "asks to put right a mistake of the organisation";
            case CHASING -> "asks after something that should already have been delivered or done";
            case NOT_UNDERSTANDING -> "asks to explain what the organisation's own information should have made clear";
            case COMPLAINT -> "reports that something in the service went wrong";
        };
    }
}
