-- The audit trail: append-only events in one hash chain. Each event stores its
-- canonical JSON form (what is hashed), the previous event's hash and its own
-- (SHA-256 of the canonical form). audit_head holds the end of the chain;
-- writers lock it, so the chain stays one line without gaps however many
-- replicas write. On PostgreSQL, V6_1 (db/postgresql) refuses UPDATE, DELETE
-- and TRUNCATE on audit_event.

create table audit_event (
    seq               bigint       not null primary key,
    occurred_at       timestamp(6) with time zone not null,
    actor             varchar(100) not null,
    event_type        varchar(40)  not null,
    request_ref       varchar(32),
    subject_pseudonym varchar(64),
    canonical         varchar(20000) not null,
    prev_hash         varchar(64)  not null,
    hash              varchar(64)  not null
);
create index ix_audit_event_time on audit_event (occurred_at, seq);
create index ix_audit_event_request on audit_event (request_ref, seq);
create index ix_audit_event_type on audit_event (event_type, seq);

create table audit_head (
    id        integer     not null primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null,
    last_at   timestamp(6) with time zone,
    constraint ck_audit_head_single check (id = 1)
);
-- Events are stamped when written, under the head's lock, never earlier than the event before: time follows
-- the sequence, so a time range is an unbroken stretch of the chain.
insert into audit_head (id, last_seq, last_hash, last_at)
    values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', null);
