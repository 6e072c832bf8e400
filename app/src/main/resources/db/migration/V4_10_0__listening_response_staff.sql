-- Who served the person a response is about: a pseudonymous staff reference and the team, copied from the
-- interaction the invitation was for or given with an imported answer. Staff are people too: read under the
-- purpose for the quality of service by staff, shown per team by default.
alter table listening_response add column staff_ref varchar(64);
alter table listening_response add column team varchar(100);
