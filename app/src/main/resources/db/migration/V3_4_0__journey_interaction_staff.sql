-- Who served the person in an interaction: a pseudonymous staff reference and the team (both optional).
alter table interaction add column staff_ref varchar(64);
alter table interaction add column team varchar(100);
