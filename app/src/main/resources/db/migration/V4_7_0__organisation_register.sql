-- The organisation's register: how texts a person reads address them in Dutch, formal ("u") or informal ("je").
-- Numbered in listening's range (V4_7_*) as the change that needs it is listening's texts; the table is organisation's.
alter table organisation add column register varchar(16) default 'FORMAL' not null;
