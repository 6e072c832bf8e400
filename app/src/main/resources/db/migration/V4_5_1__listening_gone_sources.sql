-- Source references of answers that lost their person (listening): past the retention of "feedback" (EXPIRED) or
-- because the person was forgotten (FORGOTTEN). Retention and erasure replace a response's source_ref, which made a
-- re-import of the same export create the person-linked answer again; an import or API batch now skips a row whose
-- reference is here. Only a keyed hash is kept, and nothing that points to the anonymous response it came from.
create table listening_gone_source (
    source_hash varchar(64) primary key,
    reason      varchar(12) not null,
    constraint listening_gone_source_reason check (reason in ('EXPIRED', 'FORGOTTEN'))
);
