package nl.buitenin.readings.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.journey.Touchpoints;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.NotFoundException;

/**
 * Defines and changes pilots. A pilot's plan can change only until it starts: from then on its touchpoints, dates,
 * measure and control stay as they were when the first answer counted, so nobody can move the end to where the
 * result looks good.
 */
@Service
public class Pilots {

    private final JdbcPilots pilots;
    private final Touchpoints touchpoints;
    private final PilotReadings readings;
    private final Clock clock = Clock.systemUTC();

    Pilots(JdbcPilots pilots, Touchpoints touchpoints, PilotReadings readings) {
        this.pilots = pilots;
        this.touchpoints = touchpoints;
        this.readings = readings;
    }

    @Transactional
    public Pilot define(PilotForm form) {
        LocalDate today = readings.today();
        Pilot pilot = form.read(UUID.randomUUID(), today, touchpoints);
        pilots.add(pilot, Instant.now(clock));
        return pilot;
    }

    /**
     * A pilot as the demo defines it: on {@code definedOn} (back-dated), read as on that day, so that it may lie in
     * the past like any history.
     */
    @Transactional
    public Pilot defineOn(PilotForm form, LocalDate definedOn, Instant at) {
        Pilot pilot = form.read(UUID.randomUUID(), definedOn, touchpoints);
        pilots.add(pilot, at);
        return pilot;
    }

    @Transactional
    public Pilot change(UUID id, PilotForm form) {
        Pilot before = byId(id);
        LocalDate today = readings.today();
        if (before.state(today) != PilotState.PLANNED) {
            throw new ConflictException("readings.conflict.pilot.started");
        }
        Pilot read = form.read(id, today, touchpoints);
        Pilot changed = new Pilot(id, read.name(), read.change(), read.measure(), read.startsOn(), read.endsOn(), read.control(),
                read.touchpoints(), read.controlTouchpoints(), before.createdOn());
        pilots.update(changed, Instant.now(clock));
        return changed;
    }

    public Pilot byId(UUID id) {
        return pilots.byId(id).orElseThrow(() -> new NotFoundException("readings.thing.pilot", id));
    }

    public List<Pilot> all() {
        return pilots.all();
    }
}
