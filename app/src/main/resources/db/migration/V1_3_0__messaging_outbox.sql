-- Outgoing e-mail, queued in the sender's transaction and sent by a job (messaging).
-- Recipient, subject and body are erased once a message is sent.
create table outbox_message (
    id              uuid primary key,
    reference       varchar(200) not null unique,
    person_key      varchar(40),
    recipient       varchar(320),
    subject         varchar(300),
    body_text       text,
    body_html       text,
    status          varchar(10)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
create index outbox_message_due on outbox_message (status, next_attempt_at);
create index outbox_message_person on outbox_message (person_key);
