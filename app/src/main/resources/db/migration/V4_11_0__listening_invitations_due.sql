-- Invitations that wait: an invitation held back only by quiet hours or a quiet day (and still within the policy's
-- maximum delay after the contact) waits here until due_at, when the invitation job asks the contact policy again.
-- One row per contact (source_ref, as on listening_response), so a re-delivered event does not add a second one; the
-- job takes a row by deleting it in the transaction that sends the invitation. Personal data: exported, erased, and
-- gone after the purpose "feedback"'s retention like the responses (a row never lives longer than a week anyway).
create table listening_invitation_due (
    source_ref     varchar(200) primary key,
    person_key     varchar(40) not null,
    touchpoint_id  uuid not null,
    contact_at     timestamp with time zone not null,
    due_at         timestamp with time zone not null,
    staff_ref      varchar(64),
    team           varchar(100)
);
create index listening_invitation_due_at on listening_invitation_due (due_at);
create index listening_invitation_due_person on listening_invitation_due (person_key);
