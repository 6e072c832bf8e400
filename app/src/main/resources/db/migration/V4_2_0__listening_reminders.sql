-- At most one reminder per invitation (listening). reminder_status: null = not yet decided,
-- SENT, REFUSED (the contact policy said no; the decision is in contact_decision) or NO_ADDRESS.
-- reminder_checked_at lets a job on any node claim a response with a conditional update, and keeps
-- a response refused for the moment only (quiet hours) from being asked about again before an hour passed.
alter table listening_response add column reminder_status varchar(12);
alter table listening_response add column reminder_checked_at timestamp with time zone;
create index listening_response_reminder on listening_response (status, reminder_status, invited_at);
