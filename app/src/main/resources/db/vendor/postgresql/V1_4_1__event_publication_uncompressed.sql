-- The event publication log of Spring Modulith holds each event once per listener from the publishing
-- transaction until the listener has handled it, usually well under a second; an ingested batch's event is
-- tens of kilobytes. PostgreSQL compressed every one of them (pglz) before storing it out of line: 4 % of the
-- machine's CPU in the interactions benchmark (perf), for rows deleted a moment later. Stored out of line
-- uncompressed instead. Created here when Flyway runs first (the same table as Modulith's own schema, which
-- then finds it), altered when Modulith created it.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
ALTER TABLE event_publication ALTER COLUMN serialized_event SET STORAGE EXTERNAL;
