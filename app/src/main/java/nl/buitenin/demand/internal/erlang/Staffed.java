package nl.buitenin.demand.internal.erlang;

/**
 * The fewest agents for an interval.
 *
 * @param agents      agents answering contacts
 * @param scheduled   agents to schedule once shrinkage is added
 * @param performance what {@code agents} achieve
 */
public record Staffed(int agents, int scheduled, Performance performance) {
}
