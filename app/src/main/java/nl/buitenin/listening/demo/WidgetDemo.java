package nl.buitenin.listening.demo;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.listening.internal.JdbcSurveys;
import nl.buitenin.listening.internal.SurveyStatus;
import nl.buitenin.listening.internal.widget.WidgetSites;

/** Buitenpad's booking confirmation page shows the first published survey through the widget. */
@Component
class WidgetDemo implements DemoStep {

    private final WidgetSites sites;
    private final JdbcSurveys surveys;

    WidgetDemo(WidgetSites sites, JdbcSurveys surveys) {
        this.sites = sites;
        this.surveys = surveys;
    }

    @Override
    public int order() {
        return 470;
    }

    @Override
    public String name() {
        return "widget sites";
    }

    @Override
    public void load(DemoContext context) {
        surveys.latestVersions().stream().filter(s -> s.status() == SurveyStatus.PUBLISHED).findFirst()
                .flatMap(s -> surveys.byId(s.id()))
                .filter(s -> !s.definition().touchpoints().isEmpty())
                .ifPresent(s -> sites.register("Boekingsbevestiging buitenpad.nl", s.lineage().toString(),
                        s.definition().touchpoints().get(0).value().toString(), List.of("https://www.buitenpad.nl")));
    }
}
