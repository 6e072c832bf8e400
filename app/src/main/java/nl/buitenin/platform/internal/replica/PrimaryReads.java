package nl.buitenin.platform.internal.replica;

import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.platform.ReplicaReads;

/** Without a replica: the work runs in a read-only transaction on the one database (or joins the caller's). */
final class PrimaryReads implements ReplicaReads {

    private final TransactionTemplate readOnly;

    PrimaryReads(PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return readOnly.execute(status -> work.get());
    }
}
