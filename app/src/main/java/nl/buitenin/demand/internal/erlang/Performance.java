package nl.buitenin.demand.internal.erlang;

/**
 * What a number of agents achieves on a workload.
 *
 * @param agents             agents answering (before shrinkage)
 * @param waitProbability    probability that an arriving contact has to wait
 * @param serviceLevel       share of all arriving contacts answered within the target time (abandoned ones count as not)
 * @param asaSeconds         average speed of answer of the answered contacts; infinite when the queue grows without end
 * @param occupancy          share of the agents' time spent handling contacts
 * @param abandonProbability share of contacts that hang up before being answered; NaN when patience is not modelled
 */
public record Performance(int agents, double waitProbability, double serviceLevel, double asaSeconds, double occupancy,
        double abandonProbability) {

    public boolean modelsPatience() {
        return !Double.isNaN(abandonProbability);
    }
}
