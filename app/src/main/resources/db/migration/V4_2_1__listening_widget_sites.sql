-- Sites that show a survey in their own pages through the embeddable widget (listening). origins holds
-- the exact origins (scheme://host[:port]) allowed to frame the answer page, one per line.
create table listening_widget_site (
    id             uuid primary key,
    name           varchar(100) not null,
    survey_lineage uuid not null,
    touchpoint_id  uuid not null,
    origins        varchar(2000) not null,
    created_at     timestamp with time zone not null
);

-- The site a widget response came through: its origins decide who may frame the answer page.
alter table listening_response add column site_id uuid;
