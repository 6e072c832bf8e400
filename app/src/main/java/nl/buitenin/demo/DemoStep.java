package nl.buitenin.demo;

/**
 * One capability's part of the demo organisation. Steps run in {@link #order()} inside the demo load,
 * after the organisation and its users exist; each must be deterministic for a given {@link DemoContext}.
 */
public interface DemoStep {

    /** Lower first; leave room between steps (journeys 100, people 200, interactions 300, ...). */
    int order();

    /** A short name for the start-up log, such as "journeys". */
    String name();

    void load(DemoContext context);
}
