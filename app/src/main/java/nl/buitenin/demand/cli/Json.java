package nl.buitenin.demand.cli;

import tools.jackson.databind.json.JsonMapper;

import nl.buitenin.demand.internal.erlang.Performance;
import nl.buitenin.demand.internal.erlang.StaffingGoal;
import nl.buitenin.demand.internal.erlang.Workload;

/** The CLI's JSON output, as records. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** What {@code staffing --json} prints; asa is null when the queue grows without end, abandonProbability without patience. */
    record StaffingJson(String model, double erlangs, int agents, Integer scheduled, double serviceLevel, Double asa, double occupancy,
            double waitProbability, Double abandonProbability) {
    }

    static String staffing(Performance p, Integer scheduled, StaffingGoal goal, Workload workload) {
        return MAPPER.writeValueAsString(new StaffingJson(goal.patienceSeconds() == null ? "erlang-c" : "erlang-a", workload.erlangs(),
                p.agents(), scheduled, p.serviceLevel(), Double.isInfinite(p.asaSeconds()) ? null : p.asaSeconds(), p.occupancy(),
                p.waitProbability(), p.modelsPatience() ? p.abandonProbability() : null));
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
