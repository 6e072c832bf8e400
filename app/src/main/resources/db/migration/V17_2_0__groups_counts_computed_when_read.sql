-- Customer groups: the counts derived from interactions (purchases_12m, contacts_12m, visits_12m, interactions_12m) are
-- computed from the interactions when they are read and no longer stored; only channel and product stay stored. The
-- stored counts go. Attributes other systems sent under these names (not marked derived) stay.
delete from groups_attribute where derived = true
    and name in ('purchases_12m', 'contacts_12m', 'visits_12m', 'interactions_12m');
