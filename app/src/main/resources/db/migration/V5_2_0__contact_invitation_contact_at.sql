-- An invitation after a service contact keeps that contact's time, in its decisions and in the contact log, so the
-- policy page can show per hour of the day the share of contacts that got invited (a lean in the sample towards
-- daytime contacts shows there). Null for reminders, told-back messages and the widget's question during a visit.
alter table contact_decision add column contact_at timestamp with time zone;
alter table contact_attempt add column contact_at timestamp with time zone;
create index contact_decision_by_contact on contact_decision (contact_at);
create index contact_attempt_by_contact on contact_attempt (contact_at);
