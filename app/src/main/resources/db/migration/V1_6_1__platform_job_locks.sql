-- One run at a time across nodes for the jobs that work on the whole database at once (retention, theme discovery,
-- the weekly digest, clean-ups): ShedLock's table. Times are written by the database itself (ShedLock's
-- usingDbTime), so the nodes' clocks need not agree; ShedLock asks for a plain timestamp for that.
create table shedlock (
    name varchar(64) not null,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null,
    constraint shedlock_pk primary key (name)
);
