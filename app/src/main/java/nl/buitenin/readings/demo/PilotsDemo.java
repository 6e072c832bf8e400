package nl.buitenin.readings.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.readings.internal.PilotControl;
import nl.buitenin.readings.internal.PilotForm;
import nl.buitenin.readings.internal.PilotMeasure;
import nl.buitenin.readings.internal.Pilots;

/**
 * Buitenpad's pilots on the booking stage: a clearer booking page on the website, finished two weeks ago and compared
 * with the six weeks before it (its answers come from listening's pilot answers step, which shares the period), and
 * a call-back promise for phone bookings that is running now, compared with the other phone touchpoint of the
 * journey in the same weeks. Each is defined a week before it starts, as an analyst would.
 */
@Component
class PilotsDemo implements DemoStep {

    /** The key listening's pilot answers step shares the clearer page's first and last day under. */
    static final String BOOKING_PAGE_PERIOD = "listening.bookingPagePilot";

    private final Pilots pilots;
    private final Touchpoints touchpoints;

    PilotsDemo(Pilots pilots, Touchpoints touchpoints) {
        this.pilots = pilots;
        this.touchpoints = touchpoints;
    }

    @Override
    public int order() {
        return 480;
    }

    @Override
    public String name() {
        return "pilots";
    }

    @Override
    public void load(DemoContext context) {
        Optional<Touchpoint> website = named("Boeken op de website");
        Optional<Touchpoint> phone = named("Boeken per telefoon");
        Optional<Touchpoint> questions = named("Vragen per telefoon");
        List<LocalDate> period = context.get(BOOKING_PAGE_PERIOD);
        if (website.isPresent() && period != null) {
            define(context, new PilotForm("Duidelijkere boekingspagina",
                    "Eén boekingspagina in plaats van vier stappen, met de data en de prijs steeds in beeld. Tijdens de pilot kreeg "
                            + "iedereen die online boekte de vraag hoe makkelijk het ging.",
                    PilotMeasure.CES.code(), period.get(0).toString(), period.get(1).toString(), PilotControl.PERIOD_BEFORE.code(),
                    List.of(website.get().id().value().toString()), List.of()));
        }
        if (phone.isPresent() && questions.isPresent()) {
            LocalDate start = context.today().minusDays(10);
            define(context, new PilotForm("Terugbellen in plaats van wachten",
                    "Wie telefonisch wil boeken en langer dan twee minuten moet wachten, krijgt het aanbod om binnen een uur "
                            + "teruggebeld te worden.",
                    PilotMeasure.CSAT.code(), start.toString(), start.plusDays(41).toString(), PilotControl.TOUCHPOINTS.code(),
                    List.of(phone.get().id().value().toString()), List.of(questions.get().id().value().toString())));
        }
    }

    private void define(DemoContext context, PilotForm form) {
        LocalDate definedOn = LocalDate.parse(form.startsOn()).minusDays(7);
        pilots.defineOn(form, definedOn, definedOn.atTime(LocalTime.of(10, 0)).atZone(context.zone()).toInstant());
    }

    private Optional<Touchpoint> named(String nameNl) {
        return touchpoints.all().stream().filter(t -> t.nameNl().toLowerCase(Locale.ROOT).equals(nameNl.toLowerCase(Locale.ROOT))).findFirst();
    }
}
