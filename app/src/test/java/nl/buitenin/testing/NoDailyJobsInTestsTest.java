package nl.buitenin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;

/**
 * Test contexts schedule no job at a time of day: when a build passes 03:30 the retention job would otherwise run in
 * every live context, on data other tests are still looking at (a CI run failed that way).
 */
@DatabaseTest
class NoDailyJobsInTestsTest {

    @Autowired
    List<ScheduledTaskHolder> holders;

    @Test
    void noCronJobIsScheduled() {
        assertThat(holders).isNotEmpty();
        // Spring Modulith's own hourly and daily "moments" are left: nothing here listens to them.
        List<Task> ours = holders.stream().flatMap(h -> h.getScheduledTasks().stream()).map(t -> t.getTask())
                .filter(t -> t.toString().startsWith("nl.buitenin.")).toList();
        assertThat(ours).as("the polling jobs stay").isNotEmpty()
                .as("Buitenin's jobs with a cron expression").noneMatch(CronTask.class::isInstance);
    }
}
