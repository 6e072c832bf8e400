package nl.buitenin.textinsight.internal;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.buitenin.insight.ShareCount;
import nl.buitenin.insight.TouchpointShares;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;

/** The share of contacts read as failure demand per touchpoint (and, summed, per stage) on the journey map. */
@Component
class FailureDemandShare implements TouchpointShares {

    private final DemandReadings readings;
    private final Organisations organisations;

    FailureDemandShare(DemandReadings readings, Organisations organisations) {
        this.readings = readings;
        this.organisations = organisations;
    }

    @Override
    public String nameKey() {
        return "textinsight.share.failureDemand";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Map<TouchpointId, ShareCount> count(LocalDate from, LocalDate to) {
        return readings.failureShares(from, to, organisations.current().timeZone());
    }
}
