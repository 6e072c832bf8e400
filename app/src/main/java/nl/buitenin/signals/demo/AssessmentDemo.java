package nl.buitenin.signals.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.signals.internal.assessment.AssessmentAnswer;
import nl.buitenin.signals.internal.assessment.AssessmentRound;
import nl.buitenin.signals.internal.assessment.DayArea;
import nl.buitenin.signals.internal.assessment.DayStatement;
import nl.buitenin.signals.internal.assessment.JdbcAssessment;
import nl.buitenin.signals.internal.assessment.StaffLevel;

/**
 * Two rounds of Day's self-assessment at Buitenpad, a quarter apart. Management thinks the organisation hears its
 * market well; the front line, which hears the Cuba questions and the families asking for walks with children, does
 * not — most of all on market sensing and on what happens with what they pass on. In the second round the gap has
 * narrowed a little on sensing after the first signals were acted on. "Directie" has three colleagues, so its
 * answers are never shown on their own (and another department is hidden with it).
 * <p>
 * The answers are drawn around fixed means per level and capability (a rounded normal, clipped to 1–5), so the gap is
 * built in on purpose; the docs say so.
 */
@Component
class AssessmentDemo implements DemoStep {

    private record Department(String name, StaffLevel level, int invited, int answered) {
    }

    private static final List<Department> DEPARTMENTS = List.of(
            new Department("Directie", StaffLevel.MANAGEMENT, 3, 3),
            new Department("Teamleiders", StaffLevel.MANAGEMENT, 9, 8),
            new Department("Reisadvies", StaffLevel.FRONT_LINE, 14, 12),
            new Department("Boekingen", StaffLevel.FRONT_LINE, 26, 21),
            new Department("Reisleiding", StaffLevel.FRONT_LINE, 18, 13),
            new Department("Administratie", StaffLevel.SUPPORT, 7, 6));

    private final JdbcAssessment store;

    AssessmentDemo(JdbcAssessment store) {
        this.store = store;
    }

    @Override
    public int order() {
        return 720;
    }

    @Override
    public String name() {
        return "staff self-assessment";
    }

    @Override
    @Transactional
    public void load(DemoContext context) {
        Random random = context.random(name());
        LocalDate today = context.today();
        LocalDate firstOpens = today.minusDays(120);
        LocalDate secondOpens = today.minusDays(30);
        round(context, random, "Zelfevaluatie voorjaar", firstOpens, 0.0);
        round(context, random, "Zelfevaluatie zomer", secondOpens, 0.35);
    }

    private void round(DemoContext context, Random random, String name, LocalDate opens, double frontLineCatchUp) {
        AssessmentRound round = new AssessmentRound(UUID.randomUUID(), name, opens, opens.plusDays(20));
        store.addRound(round, opens.minusDays(3).atTime(LocalTime.of(9, 0)).atZone(context.zone()).toInstant());
        for (Department department : DEPARTMENTS) {
            store.addBatch(new JdbcAssessment.Batch(UUID.randomUUID(), round.id(), department.name(), department.level(), department.invited()),
                    opens.atTime(LocalTime.of(9, 0)).atZone(context.zone()).toInstant());
            for (int i = 0; i < department.answered(); i++) {
                Map<String, Integer> scores = new LinkedHashMap<>();
                for (DayStatement statement : DayStatement.ALL) {
                    if (random.nextDouble() < 0.06) {
                        continue; // "weet ik niet"
                    }
                    double mean = mean(department.level(), statement.area(), frontLineCatchUp);
                    long drawn = Math.round(mean + 0.8 * random.nextGaussian());
                    scores.put(statement.key(), (int) Math.max(DayStatement.LOWEST, Math.min(DayStatement.HIGHEST, drawn)));
                }
                if (!scores.isEmpty()) {
                    store.addAnswer(round.id(), new AssessmentAnswer(department.name(), department.level(), scores));
                }
            }
        }
    }

    /** Management is sure of itself; the front line is not, least of all on sensing and the conditions. */
    private static double mean(StaffLevel level, DayArea area, double frontLineCatchUp) {
        if (level == StaffLevel.MANAGEMENT) {
            return switch (area) {
                case SENSING -> 4.1;
                case LINKING -> 4.0;
                case CHANNEL -> 3.6;
                case TECHNOLOGY -> 3.5;
                case CONDITIONS -> 4.2;
            };
        }
        double base = switch (area) {
            case SENSING -> 2.6 + frontLineCatchUp;
            case LINKING -> 3.3;
            case CHANNEL -> 3.2;
            case TECHNOLOGY -> 3.1;
            case CONDITIONS -> 2.7 + frontLineCatchUp / 2;
        };
        return level == StaffLevel.SUPPORT ? base + 0.3 : base;
    }
}
