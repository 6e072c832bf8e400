-- Customer groups (groups): groups of the people the organisation serves, formed by a rule over their attributes,
-- chosen by the person, or found in the data; memberships with their history (from-to), and the attributes rules
-- read, each with the moment it held from.

create table groups_group (
    id             uuid         primary key,
    name_nl        varchar(120) not null,
    name_en        varchar(120) not null,
    description_nl varchar(1000) not null,
    description_en varchar(1000) not null,
    kind           varchar(16)  not null,
    -- Groups of the same split exclude each other: a person is in at most one of them at a time.
    split          varchar(64),
    -- For a group by rule: its rule, as written (see docs/groups.md, "Rules").
    rule_text      varchar(1000),
    active         boolean      not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);

create unique index groups_group_name_nl on groups_group (name_nl);
create unique index groups_group_name_en on groups_group (name_en);

-- A person in a group from valid_from up to (not including) valid_to; an open membership has no valid_to.
create table groups_membership (
    id          uuid        primary key,
    group_id    uuid        not null references groups_group (id),
    person_key  varchar(28) not null,
    valid_from  timestamp with time zone not null,
    valid_to    timestamp with time zone,
    origin      varchar(16) not null,
    source_id   varchar(128),
    recorded_at timestamp with time zone not null
);

create unique index groups_membership_source on groups_membership (source_id);
create index groups_membership_person on groups_membership (person_key, valid_from);
create index groups_membership_group on groups_membership (group_id, valid_from);

-- What is known about a person that rules read: an attribute's value from a moment on, until a later value.
create table groups_attribute (
    id          uuid         primary key,
    person_key  varchar(28)  not null,
    name        varchar(64)  not null,
    attr_value  varchar(100) not null,
    valid_from  timestamp with time zone not null,
    source_id   varchar(128) not null,
    recorded_at timestamp with time zone not null
);

create unique index groups_attribute_source on groups_attribute (source_id);
create index groups_attribute_person on groups_attribute (person_key, valid_from);
