-- Why a person made contact (journey): the reason as an agent or a web form logged it (free text, personal data:
-- exported with the person's interactions and scrubbed on erasure) and/or the sending system's own reason code.
-- Both optional; insight reads them to tell value demand from failure demand.
alter table interaction add column reason varchar(1000);
alter table interaction add column reason_code varchar(64);
