package nl.buitenin.readings.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The score-gaming reading of a period: only the teams, locations and staff members whose signal is significant
 * (after Benjamini–Hochberg at 5 %) or who were named in a comment as asking for a score. Nobody below the threshold
 * is in it, and the lists are in name order, never by score.
 *
 * @param answers          NPS answers read in the period
 * @param withTeam         of which with a team
 * @param withContactTime  of which with a known contact time (only these can show the presence signal)
 * @param presenceMinutes  the window after the contact within which an answer counts as given in the staff's presence
 * @param refused          true when the staff purpose did not allow the read: the lists are empty
 */
public record GamingReport(LocalDate from, LocalDate to, long answers, long withTeam, long withContactTime, int presenceMinutes,
        List<Signal> teams, List<Signal> locations, List<Signal> staff, boolean refused) {

    public GamingReport {
        teams = List.copyOf(teams);
        locations = List.copyOf(locations);
        staff = List.copyOf(staff);
    }

    static GamingReport refused(LocalDate from, LocalDate to, int presenceMinutes) {
        return new GamingReport(from, to, 0, 0, 0, presenceMinutes, List.of(), List.of(), List.of(), true);
    }

    /** Why a unit is flagged. */
    public enum Reason {
        /** More top scores than the rest of its distribution explains. */
        EXCESS_TOP_SCORES,
        /** Comments say the person was asked for a (top) score. */
        ASKED_FOR_SCORE,
        /** A higher share of answers given right after the contact than the others'. */
        ANSWERED_IN_PRESENCE
    }

    /**
     * One flagged team, location (a touchpoint's id) or staff member (their pseudonymous reference).
     *
     * @param expectedTopShare the top share the rest of the unit's answers explain (NaN when not tested)
     * @param qValue           the excess test's false-discovery-adjusted q-value, when tested
     * @param presenceShare    the unit's share of answers given within the window, when its contact times are known
     * @param othersPresenceShare the same share of the others it is compared with
     */
    public record Signal(String unit, @Nullable String team, long n, double topShare, double expectedTopShare,
            @Nullable Double qValue, long askedForScore, @Nullable Double presenceShare, @Nullable Double othersPresenceShare,
            @Nullable Double presenceQValue, List<Reason> reasons) {

        public Signal {
            reasons = List.copyOf(reasons);
        }
    }
}
