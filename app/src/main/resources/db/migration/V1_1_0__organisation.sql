-- The organisation this instance serves (organisation). One row: an instance serves one organisation.
create table organisation (
    id               smallint primary key check (id = 1),
    name             varchar(200) not null,
    person_word      varchar(20)  not null,
    default_language varchar(2)   not null,
    time_zone        varchar(64)  not null,
    updated_at       timestamp with time zone not null
);
insert into organisation (id, name, person_word, default_language, time_zone, updated_at)
values (1, 'Mijn organisatie', 'CUSTOMER', 'nl', 'Europe/Amsterdam', current_timestamp);
