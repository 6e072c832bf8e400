package nl.buitenin.demand.internal.forecast;

/** Small arithmetic on a day's array of interval counts. */
final class Slots {

    private Slots() {
    }

    static double[] zeroForMissing(double[] slots) {
        double[] result = slots.clone();
        for (int i = 0; i < result.length; i++) {
            if (Double.isNaN(result[i])) {
                result[i] = 0;
            }
        }
        return result;
    }

    static void addTo(double[] target, double[] values, double weight) {
        for (int i = 0; i < target.length; i++) {
            target[i] += weight * values[i];
        }
    }

    static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }
}
