package nl.buitenin.journey.demo;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.JdbcTouchpoints;
import nl.buitenin.journey.internal.Names;

/**
 * Buitenpad Wandelreizen's journeys: booking and enjoying a walking holiday, and the complaint journey.
 * Leaves the touchpoints for later steps as {@code journey.touchpoints} (a {@code List<Touchpoint>}).
 */
@Component
class JourneyDemo implements DemoStep {

    static final String TOUCHPOINTS = "journey.touchpoints";

    private final JdbcJourneys journeys;
    private final JdbcTouchpoints touchpoints;

    JourneyDemo(JdbcJourneys journeys, JdbcTouchpoints touchpoints) {
        this.journeys = journeys;
        this.touchpoints = touchpoints;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String name() {
        return "journeys";
    }

    @Override
    public void load(DemoContext context) {
        List<TouchpointId> created = new ArrayList<>();
        JourneyId walking = journeys.createJourney(new Names("Wandelreis boeken en beleven", "Booking and enjoying a walking holiday"));
        StageId orient = journeys.addStage(walking, new Names("Oriënteren", "Exploring"));
        created.add(add(orient, "Website", "Website", Channel.WEB, null));
        created.add(add(orient, "Sociale media", "Social media", Channel.SOCIAL, null));
        created.add(add(orient, "Brochure-aanvraag", "Brochure request", Channel.EMAIL, null));
        StageId book = journeys.addStage(walking, new Names("Boeken", "Booking"));
        created.add(add(book, "Boeken op de website", "Booking on the website", Channel.WEB, null));
        created.add(add(book, "Boeken per telefoon", "Booking by phone", Channel.PHONE, null));
        created.add(add(book, "Boeken in de winkel", "Booking in the shop", Channel.LOCATION, "Winkel Utrecht"));
        StageId prepare = journeys.addStage(walking, new Names("Voorbereiden", "Preparing"));
        created.add(add(prepare, "Bevestigingsmail", "Confirmation e-mail", Channel.EMAIL, null));
        created.add(add(prepare, "Reisinformatie in de app", "Travel information in the app", Channel.APP, null));
        created.add(add(prepare, "Vragen via de chat", "Questions by chat", Channel.CHAT, null));
        created.add(add(prepare, "Vragen per telefoon", "Questions by phone", Channel.PHONE, null));
        StageId travel = journeys.addStage(walking, new Names("Op reis", "On the trip"));
        created.add(add(travel, "Gids", "Guide", Channel.LOCATION, "Onderweg"));
        created.add(add(travel, "Accommodatie", "Accommodation", Channel.LOCATION, "Onderweg"));
        created.add(add(travel, "Dagetappe met de route-app", "Day stage with the route app", Channel.APP, null));
        StageId after = journeys.addStage(walking, new Names("Na de reis", "After the trip"));
        created.add(add(after, "Evaluatie", "Evaluation", Channel.EMAIL, null));
        created.add(add(after, "Klacht", "Complaint", Channel.PHONE, null));
        created.add(add(after, "Nazorg", "Aftercare", Channel.PHONE, null));

        JourneyId complaint = journeys.createJourney(new Names("Klacht en nazorg", "Complaint and aftercare"));
        StageId report = journeys.addStage(complaint, new Names("Melden", "Reporting"));
        created.add(add(report, "Klacht per e-mail", "Complaint by e-mail", Channel.EMAIL, null));
        created.add(add(report, "Klacht per telefoon", "Complaint by phone", Channel.PHONE, null));
        StageId handle = journeys.addStage(complaint, new Names("Behandelen", "Handling"));
        created.add(add(handle, "Terugbelgesprek", "Call back", Channel.PHONE, null));
        created.add(add(handle, "Bezoek aan huis", "Visit at home", Channel.HOME_VISIT, null));
        StageId close = journeys.addStage(complaint, new Names("Afronden", "Closing"));
        created.add(add(close, "Oplossing per e-mail", "Solution by e-mail", Channel.EMAIL, null));

        List<Touchpoint> all = created.stream().map(id -> touchpoints.byId(id).orElseThrow()).toList();
        context.put(TOUCHPOINTS, all);
    }

    private TouchpointId add(StageId stage, String nl, String en, Channel channel, String location) {
        return journeys.addTouchpoint(stage, new Names(nl, en), channel, location);
    }
}
