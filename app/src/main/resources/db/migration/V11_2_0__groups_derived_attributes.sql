-- Customer groups: attributes derived from a person's interactions (purchases in the last 12 months, channel, product)
-- live in the same store as the attributes other systems send, marked derived, so that they are computed again from
-- the interactions without touching what was sent.
alter table groups_attribute add column derived boolean default false not null;
