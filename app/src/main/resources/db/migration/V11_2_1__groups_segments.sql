-- Customer groups: segments the segment finder proposes ("found in the data"), what sets each apart, and who is in it
-- until an analyst adopts it (it becomes a group of kind FOUND with memberships from then) or dismisses it. The
-- members of a proposal are personal data (purpose customer-groups); they go when the proposal is decided or replaced.
create table groups_segment_proposal (
    id          uuid         primary key,
    run_id      uuid         not null,
    position    integer      not null,
    size        bigint       not null,
    name_nl     varchar(120) not null,
    name_en     varchar(120) not null,
    state       varchar(16)  not null,
    group_id    uuid,
    run_k       integer      not null,
    silhouette  double precision not null,
    run_people  bigint       not null,
    created_at  timestamp with time zone not null,
    decided_at  timestamp with time zone,
    decided_by  varchar(100)
);

create index groups_segment_proposal_state on groups_segment_proposal (state, created_at);

-- What sets a proposal apart, most first: a score, a theme or an attribute, its figure inside and outside the segment.
create table groups_segment_trait (
    proposal_id   uuid         not null references groups_segment_proposal (id),
    position      integer      not null,
    kind          varchar(16)  not null,
    label_nl      varchar(200) not null,
    label_en      varchar(200) not null,
    trait_value   varchar(100),
    inside        double precision not null,
    outside       double precision not null,
    primary key (proposal_id, position)
);

create table groups_segment_member (
    proposal_id uuid        not null references groups_segment_proposal (id),
    person_key  varchar(28) not null,
    primary key (proposal_id, person_key)
);

create index groups_segment_member_person on groups_segment_member (person_key);
