package nl.buitenin.readings.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import nl.buitenin.insight.readings.Comparison;
import nl.buitenin.readings.PilotTrials;

/** {@link PilotTrials} over the pilots and their readings, through the same form check and result as the pilot pages. */
@Service
class PilotTrialsOfReadings implements PilotTrials {

    private final Pilots pilots;
    private final JdbcPilots stored;
    private final PilotReadings readings;

    PilotTrialsOfReadings(Pilots pilots, JdbcPilots stored, PilotReadings readings) {
        this.pilots = pilots;
        this.stored = stored;
        this.readings = readings;
    }

    @Override
    public UUID define(NewPilot pilot) {
        boolean byTouchpoints = !pilot.controlTouchpoints().isEmpty();
        PilotForm form = new PilotForm(pilot.name(), pilot.change(), pilot.measure(), pilot.startsOn().toString(), pilot.endsOn().toString(),
                (byTouchpoints ? PilotControl.TOUCHPOINTS : PilotControl.PERIOD_BEFORE).code(),
                pilot.touchpoints().stream().map(t -> t.value().toString()).toList(),
                pilot.controlTouchpoints().stream().map(t -> t.value().toString()).toList());
        return pilots.define(form).id();
    }

    @Override
    public Optional<Reading> reading(UUID id) {
        return stored.byId(id).map(pilot -> {
            var today = readings.today();
            var result = readings.result(pilot, today);
            if (result.isEmpty()) {
                PilotReadings.Progress progress = readings.progress(pilot, today);
                return new Reading(id, pilot.name(), false, progress.pilotAnswers(), progress.controlAnswers(), null, null, null);
            }
            Comparison comparison = result.get().comparison();
            return new Reading(id, pilot.name(), true, result.get().pilotN(), result.get().controlN(),
                    comparison == null ? null : comparison.difference().value(), comparison == null ? null : comparison.difference().lower(),
                    comparison == null ? null : comparison.difference().upper());
        });
    }
}
