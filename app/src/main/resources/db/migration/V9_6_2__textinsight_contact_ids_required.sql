-- Every read contact has its id from now on, and one contact has one.
alter table textinsight_demand alter column contact_id set not null;
create unique index textinsight_demand_contact on textinsight_demand (contact_id);
