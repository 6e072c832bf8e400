-- Early warnings and the listen-in log ("meeloopdagen"): the days and hours managers spent with customers.
-- staff_ref is the manager's user name (staff are people too: exported and erased through a StaffDataSource);
-- team stays after erasure so that the organisation's hours stay right.
create table signals_listen_in (
    id uuid primary key,
    staff_ref varchar(100),
    team varchar(100),
    listened_on date not null,
    kind varchar(20) not null,
    hours double precision not null,
    note varchar(500),
    recorded_at timestamp with time zone not null
);
create index signals_listen_in_day on signals_listen_in (listened_on);
create index signals_listen_in_staff on signals_listen_in (staff_ref);

-- An administrator's threshold per warning: the smallest relative change, in percent, that raises it.
create table signals_warning_threshold (
    kind varchar(40) primary key,
    min_change_pct integer not null,
    changed_at timestamp with time zone not null
);

-- Who wants which warnings in the weekly digest, and at which address. Unsubscribing deletes the row.
create table signals_digest_subscription (
    user_id uuid primary key,
    email varchar(320) not null,
    kinds varchar(400) not null,
    created_at timestamp with time zone not null
);
