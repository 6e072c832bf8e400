package nl.buitenin.access;

/** What a machine-to-machine API key may do. */
public enum Scope {
    /** Send interactions, answers and contact volumes. */
    INGEST,
    /** Read scores, figures and reports. */
    READ,
    /** Update cases from a service desk. */
    CASES,
    /** Scrape the Prometheus metrics. */
    METRICS;

    public String authority() {
        return "SCOPE_" + name();
    }
}
