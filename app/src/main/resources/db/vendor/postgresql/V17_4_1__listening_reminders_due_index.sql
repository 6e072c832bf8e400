-- The reminders job asks for e-mail invitations that may be due (Reminders, JdbcResponses.dueForReminder): status not
-- COMPLETED, no reminder yet, a person known, oldest invitation first. The index on (status, reminder_status,
-- invited_at) serves no "status <> 'COMPLETED'" on the monthly partitions, so each run read every partition in full:
-- 739 ms and 2.5 s of the database's time in the scale benchmark's interactions phase at 10 million answers, all of them
-- completed (BENCHMARKS.md, Scale). Only the invitations still open are in this index, so it stays small however many
-- responses there are, and the query reads it in invited_at order (28 buffers instead of all of listening_response).
-- PostgreSQL only: H2 has no partial indexes and is for trying out.
create index if not exists listening_response_reminder_due on listening_response (invited_at)
    where status <> 'COMPLETED' and channel = 'EMAIL' and person_key is not null and reminder_status is null;
