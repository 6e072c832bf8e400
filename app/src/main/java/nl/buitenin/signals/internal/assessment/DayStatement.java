package nl.buitenin.signals.internal.assessment;

import java.util.List;

/**
 * One statement of the self-assessment, answered on a 1–5 agreement scale. Its wording lives in the messages files
 * ({@link #messageKey()}), in Dutch and English, and is checked by the survey question checker in a test.
 */
public record DayStatement(String key, DayArea area) {

    /** The statements, in the order the questionnaire asks them. Keys are stored with answers: never rename one. */
    public static final List<DayStatement> ALL = List.of(
            new DayStatement("sensing.shift", DayArea.SENSING),
            new DayStatement("sensing.upward", DayArea.SENSING),
            new DayStatement("sensing.competitors", DayArea.SENSING),
            new DayStatement("linking.expectations", DayArea.LINKING),
            new DayStatement("linking.reach", DayArea.LINKING),
            new DayStatement("linking.tellBack", DayArea.LINKING),
            new DayStatement("channel.share", DayArea.CHANNEL),
            new DayStatement("channel.improve", DayArea.CHANNEL),
            new DayStatement("technology.follow", DayArea.TECHNOLOGY),
            new DayStatement("technology.trySmall", DayArea.TECHNOLOGY),
            new DayStatement("conditions.leaders", DayArea.CONDITIONS),
            new DayStatement("conditions.stakes", DayArea.CONDITIONS),
            new DayStatement("conditions.goal", DayArea.CONDITIONS),
            new DayStatement("conditions.rewards", DayArea.CONDITIONS),
            new DayStatement("conditions.successes", DayArea.CONDITIONS));

    /** The lowest and highest answer: "helemaal mee oneens" to "helemaal mee eens". */
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    public String messageKey() {
        return "assessment.statement." + key;
    }

    public static java.util.Optional<DayStatement> byKey(String key) {
        return ALL.stream().filter(s -> s.key.equals(key)).findFirst();
    }
}
