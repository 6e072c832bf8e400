-- A node claims a webhook delivery before sending it, so that several nodes never send the same one
-- twice; a claim that is not released (the node stopped mid-send) expires at claimed_until.
alter table loop_webhook_delivery add column claimed_by varchar(100);
alter table loop_webhook_delivery add column claimed_until timestamp with time zone;
