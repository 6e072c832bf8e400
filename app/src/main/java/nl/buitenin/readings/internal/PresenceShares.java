package nl.buitenin.readings.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.readings.FalseDiscovery;

/**
 * The presence signal: answers given within a few minutes of the contact, while the staff member may still be there
 * (at the desk, on the phone, on the tablet they hand over). Some such answers are normal; a share far above the
 * rest of the team is a reason to look. Each unit (a staff member, a team, a location) is tested against the others
 * of its group (the rest of the team; everybody else when it has no group or nobody else in it) with a one-sided
 * Fisher exact test (is the unit's share higher?), and the p-values of all units tested are adjusted by
 * Benjamini–Hochberg. Only answers whose contact time is known count: without it there is no signal at all.
 */
public final class PresenceShares {

    /** One unit's answers with a known contact time, and how many of those came within the window. */
    public record Unit(String name, @Nullable String group, long known, long quick) {
        public Unit {
            if (known < 0 || quick < 0 || quick > known) {
                throw new IllegalArgumentException("quick answers lie between 0 and the known ones: " + quick + " of " + known);
            }
        }
    }

    /**
     * The reading of one unit; {@code pValue} and {@code qValue} are null when it has too few answers with a contact
     * time to be tested.
     */
    public record Reading(String name, long known, long quick, double referenceShare, @Nullable Double pValue,
            @Nullable Double qValue, boolean flagged) {

        public double share() {
            return known == 0 ? Double.NaN : (double) quick / known;
        }
    }

    private final double falseDiscoveryRate;
    private final int minimumAnswers;

    public PresenceShares(double falseDiscoveryRate, int minimumAnswers) {
        this.falseDiscoveryRate = falseDiscoveryRate;
        this.minimumAnswers = Math.max(1, minimumAnswers);
    }

    public List<Reading> read(List<Unit> units) {
        List<long[]> references = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            long[] reference = reference(unit, units);
            references.add(reference);
            if (unit.known() >= minimumAnswers && reference[0] > 0) {
                pValues.add(greater(unit.quick(), unit.known(), reference[1], reference[0]));
                tested.add(i);
            }
        }
        double[] q = FalseDiscovery.adjust(pValues.stream().mapToDouble(Double::doubleValue).toArray());
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            long[] reference = references.get(i);
            double referenceShare = reference[0] == 0 ? Double.NaN : (double) reference[1] / reference[0];
            int t = tested.indexOf(i);
            Double p = t < 0 ? null : pValues.get(t);
            Double qValue = t < 0 ? null : q[t];
            boolean flagged = qValue != null && qValue <= falseDiscoveryRate && (double) unit.quick() / unit.known() > referenceShare;
            readings.add(new Reading(unit.name(), unit.known(), unit.quick(), referenceShare, p, qValue, flagged));
        }
        return readings;
    }

    /**
     * One-sided Fisher exact test: the chance of at least {@code quick} quick answers among the unit's {@code known}
     * when all answers of unit and reference were shared out at random (hypergeometric upper tail).
     */
    static double greater(long quick, long known, long referenceQuick, long referenceKnown) {
        long total = known + referenceKnown;
        long totalQuick = quick + referenceQuick;
        if (totalQuick == 0) {
            return 1;
        }
        HypergeometricDistribution tail = new HypergeometricDistribution(null, Math.toIntExact(total), Math.toIntExact(totalQuick),
                Math.toIntExact(known));
        return Math.min(1, tail.upperCumulativeProbability(Math.toIntExact(quick)));
    }

    /** {known, quick} of the unit's group without it, or of everybody else when the group has nobody else. */
    private static long[] reference(Unit unit, List<Unit> units) {
        long[] group = {0, 0};
        long[] everybody = {0, 0};
        for (Unit other : units) {
            if (other == unit) {
                continue;
            }
            everybody[0] += other.known();
            everybody[1] += other.quick();
            if (unit.group() != null && Objects.equals(unit.group(), other.group())) {
                group[0] += other.known();
                group[1] += other.quick();
            }
        }
        return group[0] > 0 ? group : everybody;
    }
}
