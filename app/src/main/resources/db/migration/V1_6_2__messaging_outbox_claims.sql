-- A message being sent is claimed by one node until claimed_until. When that node dies mid-way, the claim expires
-- and another node takes the message over (takeovers counts how often), instead of the message staying 'SENDING'
-- for ever.
alter table outbox_message add column claimed_by varchar(100);
alter table outbox_message add column claimed_until timestamp with time zone;
alter table outbox_message add column takeovers int not null default 0;
create index outbox_message_sending on outbox_message (status, claimed_until);
