package nl.buitenin.groups.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.groups.internal.planning.GuideInput;
import nl.buitenin.groups.internal.planning.PlanningWork;
import nl.buitenin.groups.internal.planning.TripInput;

/**
 * Buitenpad's guides and the walking trips of the coming four weekends, after the split into "Stevig tempo" and
 * "Genieten onderweg": eight guides (pseudonyms gids-01 … gids-08) with their pace, languages, topics, groups and days;
 * on Saturdays a brisk and a relaxed trip, on Sundays an English stroll and once a German trip that only one guide can
 * take. The planner's current assignment for the first Saturday is the naive one — gids-01, who likes to walk on, on the
 * stroll — so the page shows the mismatch the best assignment avoids. Everything goes through {@link PlanningWork}, the
 * path of the API and the CSV import.
 */
@Component
class PlanningDemo implements DemoStep {

    private final PlanningWork work;

    PlanningDemo(PlanningWork work) {
        this.work = work;
    }

    @Override
    public int order() {
        return 670;
    }

    @Override
    public String name() {
        return "guide-planning";
    }

    @Override
    public void load(DemoContext context) {
        work.guides(List.of(
                new GuideInput("gids-01", "stevig", "nl;en", "geschiedenis", "Stevig tempo", "za;zo"),
                new GuideInput("gids-02", "rustig", "nl", "vogels;planten", "Genieten onderweg", "za;zo"),
                new GuideInput("gids-03", "stevig", "nl;de", "geologie", "Stevig tempo", "za"),
                new GuideInput("gids-04", "rustig", "en;nl", "vogels", "Genieten onderweg", "zo"),
                new GuideInput("gids-05", "", "nl", "planten", "", "za;zo"),
                new GuideInput("gids-06", "rustig", "nl;en", "geschiedenis;planten", "Genieten onderweg", "za"),
                new GuideInput("gids-07", "stevig", "de;nl", "", "", "zo"),
                new GuideInput("gids-08", "stevig", "nl", "geologie", "Stevig tempo", "za;zo")));
        LocalDate saturday = context.today().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        List<TripInput> trips = new ArrayList<>();
        for (int week = 0; week < 4; week++) {
            LocalDate sat = saturday.plusWeeks(week);
            LocalDate sun = sat.plusDays(1);
            String tag = "demo-trip-" + sat;
            // The first Saturday carries the planner's own assignment: the first free guides, as a planner in a hurry would.
            boolean first = week == 0;
            trips.add(new TripInput(tag + "-brisk", "Stevig tempo", sat.toString(), "Veluwe, stevig tempo", "2", "nl", "stevig",
                    "geologie", first ? "gids-03;gids-05" : null));
            trips.add(new TripInput(tag + "-stroll", "Genieten onderweg", sat.toString(), "Veluwe, genieten onderweg", "2", "nl", "rustig",
                    "vogels", first ? "gids-01;gids-02" : null));
            trips.add(new TripInput(tag + "-english", "Genieten onderweg", sun.toString(), "Utrechtse Heuvelrug (English)", "1", "en",
                    "rustig", "geschiedenis", null));
            trips.add(new TripInput(tag + "-sunday", "Stevig tempo", sun.toString(), "Utrechtse Heuvelrug, stevig tempo", "1", "nl",
                    "stevig", "", null));
            if (week == 1) {
                trips.add(new TripInput(tag + "-german", "Stevig tempo", sun.toString(), "Eifel-Grenzweg (Deutsch)", "2", "de", "stevig",
                        "", null));
            }
        }
        work.trips(trips);
    }
}
