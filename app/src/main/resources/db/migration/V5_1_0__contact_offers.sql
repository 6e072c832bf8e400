-- Offers are decided and logged by the contact policy like every other message: a decision and a sent offer name
-- their topic (a destination, a product). The shared contact budget and the offer rules are stored apart from the
-- survey policy, as JSON like it.
alter table contact_decision add column topic varchar(100);
alter table contact_attempt add column topic varchar(100);
create index contact_decision_by_kind on contact_decision (kind, decided_at);

create table contact_offer_policy (
    id          smallint primary key check (id = 1),
    settings    text not null,
    updated_at  timestamp with time zone not null
);
