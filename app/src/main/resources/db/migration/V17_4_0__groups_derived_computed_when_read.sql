-- Customer groups: channel and product, the last attributes derived from interactions that were stored, are computed
-- from the interactions when they are read, as the counts are since 17.2. The stored ones go, and with them the mark
-- that set them apart; attributes other systems sent under these names (never marked derived) stay.
delete from groups_attribute where derived = true;
alter table groups_attribute drop column derived;
