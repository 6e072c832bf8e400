-- Market signals (signals): what staff notice outside (a new competitor, technique, regulation, a shift in what people
-- ask), each linked to what the organisation did with it: an improvement action in loop, a decision not to act with
-- its reason, or still open. Analysts group missed sales into a signal by the normal form of what was asked for.
create table signals_market_signal (
    id              uuid          primary key,
    kind            varchar(24)   not null,
    title           varchar(200)  not null,
    source          varchar(200)  not null,
    noticed_on      date          not null,
    description     varchar(4000) not null,
    owner_user_id   uuid          not null,
    -- OPEN, ACTION or NO_ACTION
    decision        varchar(16)   not null,
    decision_reason varchar(2000),
    action_id       uuid,
    decided_at      timestamp with time zone,
    decided_by      uuid,
    created_at      timestamp with time zone not null
);

create index signals_market_signal_noticed on signals_market_signal (noticed_on);

-- The missed sales a signal groups: every missed sale whose normal form is asked_key.
create table signals_signal_missed (
    signal_id uuid         not null references signals_market_signal (id),
    asked_key varchar(200) not null,
    primary key (signal_id, asked_key)
);
