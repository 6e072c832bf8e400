-- Told-back messages ("you said, we did") are decided and logged by the contact policy too. They are
-- about an improvement action, not a touchpoint, so the touchpoint becomes optional; a message held
-- back only by quiet hours or a quiet day records when it may go out.
alter table contact_decision alter column touchpoint_id drop not null;
alter table contact_attempt alter column touchpoint_id drop not null;
alter table contact_decision add column deferred_until timestamp with time zone;
