-- The journey workshop (issue 21): a facilitator opens a workshop on a journey, staff join with a short code and put
-- notes (pain points, moments that matter, ideas, assumptions) on its stages and touchpoints; the facilitator groups
-- them and runs a dot vote. staff_ref is a staff member's user name (staff are people too: exported and erased through
-- a StaffDataSource); in an anonymous workshop it is kept only while the workshop is open and cleared when it closes.
-- version goes up with every change, so a board that polls and is up to date costs one small query.
create table workshop (
    id uuid primary key,
    journey_id uuid not null,
    title varchar(200) not null,
    held_on date not null,
    anonymous boolean not null,
    join_code varchar(6) not null,
    status varchar(10) not null,
    voting varchar(10) not null,
    dots integer not null,
    version bigint not null,
    facilitator_staff_ref varchar(100),
    created_at timestamp with time zone not null,
    closed_at timestamp with time zone
);
create unique index workshop_join_code on workshop (join_code);

-- The departments taking part, as the facilitator listed them, in order.
create table workshop_department (
    workshop_id uuid not null references workshop (id) on delete cascade,
    position integer not null,
    name varchar(100) not null,
    primary key (workshop_id, position)
);

-- Who joined and for which department. After an anonymous workshop closes only the departments stay.
create table workshop_participant (
    id uuid primary key,
    workshop_id uuid not null references workshop (id) on delete cascade,
    staff_ref varchar(100),
    department varchar(100) not null,
    joined_at timestamp with time zone not null
);
create index workshop_participant_workshop on workshop_participant (workshop_id);
create index workshop_participant_staff on workshop_participant (staff_ref);

-- The facilitator's named groups of notes.
create table workshop_group (
    id uuid primary key,
    workshop_id uuid not null references workshop (id) on delete cascade,
    position integer not null,
    name varchar(100) not null
);
create index workshop_group_workshop on workshop_group (workshop_id);

-- A note on a stage (touchpoint_id null) or a touchpoint. The text is written by staff about the journey, not about a
-- customer (the page asks for no names; a person's erasure still scrubs their identifiers from it). assumption_ref is
-- for the hand-over of an assumption note to the module that tests assumptions.
create table workshop_item (
    id uuid primary key,
    workshop_id uuid not null references workshop (id) on delete cascade,
    stage_id uuid not null,
    touchpoint_id uuid,
    kind varchar(30) not null,
    note_text varchar(500) not null,
    staff_ref varchar(100),
    department varchar(100),
    group_id uuid references workshop_group (id) on delete set null,
    assumption_ref uuid,
    created_at timestamp with time zone not null,
    changed_at timestamp with time zone not null
);
create index workshop_item_workshop on workshop_item (workshop_id);
create index workshop_item_staff on workshop_item (staff_ref);
create index workshop_item_touchpoint on workshop_item (touchpoint_id);

-- One row per dot a participant put on a note.
create table workshop_vote (
    id uuid primary key,
    workshop_id uuid not null references workshop (id) on delete cascade,
    item_id uuid not null references workshop_item (id) on delete cascade,
    staff_ref varchar(100),
    voted_at timestamp with time zone not null
);
create index workshop_vote_item on workshop_vote (item_id);
create index workshop_vote_staff on workshop_vote (workshop_id, staff_ref);
