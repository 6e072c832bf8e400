package nl.buitenin.demand.internal.forecast;

/**
 * How close a method came on held-out days.
 *
 * @param method     the method's name
 * @param mae        mean absolute error per interval
 * @param rmse       root mean squared error per interval
 * @param mape       mean absolute percentage error over intervals with a non-zero actual count, in %
 * @param intervals  number of intervals compared (n)
 * @param days       number of days compared; the confidence interval treats days as the independent units
 * @param maeLow     lower end of the 95 % t interval of the MAE over days
 * @param maeHigh    upper end of that interval
 */
public record Accuracy(String method, double mae, double rmse, double mape, long intervals, int days, double maeLow,
        double maeHigh) {
}
