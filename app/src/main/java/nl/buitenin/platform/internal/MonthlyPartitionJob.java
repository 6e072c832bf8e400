package nl.buitenin.platform.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import nl.buitenin.platform.MonthlyPartitions;

/**
 * Makes the monthly partitions of the big tables ahead of time on PostgreSQL (docs/scaling.md), daily on one node: two
 * nodes creating the same partition at once would have one fail. A month without its partition still takes rows (in
 * the default partition), but the job keeps that for the exception: rows in the default partition are moved when their
 * month's partition is made.
 */
@Component
class MonthlyPartitionJob {

    private static final Logger log = LoggerFactory.getLogger(MonthlyPartitionJob.class);

    private final MonthlyPartitions partitions;
    private final int monthsAhead;

    MonthlyPartitionJob(MonthlyPartitions partitions, @Value("${buitenin.partitions.months-ahead:3}") int monthsAhead) {
        this.partitions = partitions;
        this.monthsAhead = monthsAhead;
    }

    @Scheduled(cron = "${buitenin.partitions.cron:0 15 2 * * *}")
    @SchedulerLock(name = "platform-monthly-partitions", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
    void run() {
        List<String> created = partitions.createAhead(monthsAhead);
        if (!created.isEmpty()) {
            log.info("Monthly partitions created: {}", created);
        }
    }
}
