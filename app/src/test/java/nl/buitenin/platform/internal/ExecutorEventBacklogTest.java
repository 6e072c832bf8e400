package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import nl.buitenin.platform.BusyException;

/**
 * The bound on the listeners' queue without an application around it: a request that arrives before the executor
 * has started or after it has stopped neither waits nor fails, and a queue at its limit refuses after the wait.
 */
class ExecutorEventBacklogTest {

    @Test
    void anExecutorNotStartedYetHasNothingQueued() {
        ExecutorEventBacklog backlog = new ExecutorEventBacklog(new ThreadPoolTaskExecutor(), 1, Duration.ofSeconds(30));

        assertThat(backlog.queued()).isZero();
        backlog.awaitRoom();
    }

    @Test
    void aStoppedExecutorHasNothingQueued() {
        ThreadPoolTaskExecutor executor = executor();
        executor.shutdown();
        ExecutorEventBacklog backlog = new ExecutorEventBacklog(executor, 1, Duration.ofSeconds(30));

        assertThat(backlog.queued()).isZero();
        backlog.awaitRoom();
    }

    @Test
    void aQueueAtItsLimitRefusesAfterTheWait() throws InterruptedException {
        ThreadPoolTaskExecutor executor = executor();
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try {
            executor.execute(() -> {
                running.countDown();
                await(hold);
            });
            running.await();
            executor.execute(() -> await(hold));
            executor.execute(() -> await(hold));
            ExecutorEventBacklog backlog = new ExecutorEventBacklog(executor, 2, Duration.ofMillis(100));

            assertThat(backlog.queued()).isEqualTo(2);
            assertThatThrownBy(backlog::awaitRoom).isInstanceOfSatisfying(BusyException.class,
                    busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        } finally {
            hold.countDown();
            executor.shutdown();
        }
    }

    @Test
    void settledOnlyOnceEveryTaskAndTheTasksItHandedOnEnded() throws InterruptedException {
        ThreadPoolTaskExecutor executor = executor();
        CountDownLatch hold = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean secondRan = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            ExecutorEventBacklog backlog = new ExecutorEventBacklog(executor, 10, Duration.ofSeconds(30));
            assertThat(backlog.awaitSettled(Duration.ofMillis(100))).isTrue();
            // A listener that is held, and then hands another on before it ends, as a listener publishing an event does.
            executor.execute(() -> {
                await(hold);
                executor.execute(() -> {
                    sleep(50);
                    secondRan.set(true);
                });
            });

            assertThat(backlog.awaitSettled(Duration.ofMillis(100))).isFalse();
            hold.countDown();
            assertThat(backlog.awaitSettled(Duration.ofSeconds(10))).isTrue();
            assertThat(secondRan).isTrue();
        } finally {
            hold.countDown();
            executor.shutdown();
        }
    }

    @Test
    void anExecutorNotStartedYetIsSettled() {
        assertThat(new ExecutorEventBacklog(new ThreadPoolTaskExecutor(), 1, Duration.ofSeconds(30)).awaitSettled(Duration.ZERO)).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadPoolTaskExecutor executor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("backlog-test-");
        executor.initialize();
        return executor;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
