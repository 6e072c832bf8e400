package nl.buitenin.loop.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How old a team's cases still to work are: the count per age band (whole days since opening: 0–2, 3–5, 6–10, over
 * 10) and the age of the oldest. The team lead's page and the lead's start panel both read it from here.
 *
 * @param bands      the count per band, in band order, keyed by the band's name ("0-2" … "&gt;10")
 * @param oldestDays the age of the oldest case in whole days; -1 when there is none
 * @param breaches   how many are past their deadline
 */
public record CaseAgeing(Map<String, Long> bands, long oldestDays, long breaches) {

    /** The upper ends of the bands in days; the last band is everything older. */
    static final int[] BUCKET_UPPER_DAYS = {2, 5, 10};

    public CaseAgeing {
        bands = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bands));
    }

    /** The ageing of the cases that are still to work (new or contacted); resolved and closed ones are left out. */
    public static CaseAgeing of(List<CaseFile> cases, Instant now) {
        List<CaseFile> working = cases.stream().filter(CaseFile::canWork).toList();
        Map<String, Long> bands = new LinkedHashMap<>();
        int lower = 0;
        for (int upper : BUCKET_UPPER_DAYS) {
            bands.put(lower + "-" + upper, 0L);
            lower = upper + 1;
        }
        String last = ">" + BUCKET_UPPER_DAYS[BUCKET_UPPER_DAYS.length - 1];
        bands.put(last, 0L);
        long oldest = -1;
        long breaches = 0;
        for (CaseFile c : working) {
            long days = Duration.between(c.openedAt(), now).toDays();
            oldest = Math.max(oldest, days);
            bands.merge(band(days, last), 1L, Long::sum);
            if (c.isOverdue(now)) {
                breaches++;
            }
        }
        return new CaseAgeing(bands, oldest, breaches);
    }

    private static String band(long days, String last) {
        int lower = 0;
        for (int upper : BUCKET_UPPER_DAYS) {
            if (days <= upper) {
                return lower + "-" + upper;
            }
            lower = upper + 1;
        }
        return last;
    }
}
