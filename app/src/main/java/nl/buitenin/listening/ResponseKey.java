package nl.buitenin.listening;

import java.time.Instant;
import java.util.UUID;

/**
 * A response's id with its {@code created_at}: on PostgreSQL responses and their answers are kept in monthly partitions
 * by that moment, and a read by ids that names it looks only in those months instead of probing every month's index
 * for every id (docs/scaling.md, <i>Reads by id</i>).
 */
public record ResponseKey(UUID id, Instant createdAt) {
}
