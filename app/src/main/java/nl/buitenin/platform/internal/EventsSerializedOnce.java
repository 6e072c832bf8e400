package nl.buitenin.platform.internal;

import java.lang.ref.WeakReference;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Has Spring Modulith's event log serialize an event once, however many listeners it has.
 * <p>
 * Why: the log stores one publication per listener and its repository serializes the event anew for each one
 * ({@code JdbcEventPublicationRepository.create}). An event of interactions had five listeners, so the same JSON (70 kB
 * for 1 000 interactions) was written five times: a fifth of the application's processor time in HTTP ingestion, by a
 * flight recording of {@code JourneyBenchmarks ingest}. The serializer Spring Modulith configured is kept, and wrapped.
 */
@Component
public class EventsSerializedOnce implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EventSerializer serializer && !(bean instanceof OncePerEvent)) {
            return new OncePerEvent(serializer);
        }
        return bean;
    }

    /**
     * Remembers, per thread, the last event it serialized (weakly) and its text, and gives that text again for the same
     * instance: the listeners' publications of one event are stored one after the other in the publishing thread, in
     * the publishing transaction. Only records are remembered, and only inside a transaction, until it ends: this
     * application's events are records of unmodifiable values, so one instance always has one text, and no thread
     * keeps a text (up to a few hundred kilobytes for a batch of interactions with their reasons) once its transaction
     * is over. Any other event, or one published outside a transaction, is serialized every time, as before.
     */
    static final class OncePerEvent implements EventSerializer {

        private record Last(WeakReference<Object> event, Object serialized) {
        }

        private final EventSerializer delegate;
        private final ThreadLocal<Last> last = new ThreadLocal<>();

        OncePerEvent(EventSerializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object serialize(Object event) {
            if (!event.getClass().isRecord() || !TransactionSynchronizationManager.isSynchronizationActive()) {
                return delegate.serialize(event);
            }
            Last previous = last.get();
            if (previous != null && previous.event().get() == event) {
                return previous.serialized();
            }
            Object serialized = delegate.serialize(event);
            if (previous == null) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        last.remove();
                    }
                });
            }
            last.set(new Last(new WeakReference<>(event), serialized));
            return serialized;
        }

        @Override
        public <T> T deserialize(Object serialized, Class<T> type) {
            return delegate.deserialize(serialized, type);
        }
    }
}
