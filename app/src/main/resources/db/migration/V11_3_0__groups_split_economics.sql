-- "Did the split work?" and its costs against its gains (groups). Per split: the theme the split was meant to change
-- (the page's default) and what an hour of a guide costs and how long a trip takes. Per group: how many trips it needs a
-- month and how many guides a trip had before the split and has after it, and the revenue per person the organisation
-- sends. Set by administrators, read by analysts; no personal data.
create table groups_split_setting (
    split          varchar(64)  primary key,
    theme_id       uuid,
    hourly_cost    double precision,
    hours_per_trip double precision,
    updated_by     varchar(200) not null,
    updated_at     timestamp with time zone not null
);

create table groups_group_economics (
    group_id           uuid primary key references groups_group (id),
    trips_per_month    double precision not null,
    guides_before      double precision not null,
    guides_after       double precision not null,
    revenue_per_person double precision,
    updated_by         varchar(200) not null,
    updated_at         timestamp with time zone not null
);
