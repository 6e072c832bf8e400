-- Staff the facilitator listed when opening a workshop: they join without the code (still picking a department).
-- staff_ref is the user name (staff data: exported and erased through the workshop's StaffDataSource).
create table workshop_invitee (
    id uuid primary key,
    workshop_id uuid not null references workshop (id) on delete cascade,
    staff_ref varchar(100)
);
create index workshop_invitee_workshop on workshop_invitee (workshop_id);
create index workshop_invitee_staff on workshop_invitee (staff_ref);
