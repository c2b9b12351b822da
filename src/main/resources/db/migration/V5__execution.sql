-- Execution of approved requests across the lead store: one execution per
-- request, claimed by a worker under a lease; one item per lead it handled
-- (the record that makes a rerun skip what is done); one notice per disclosure
-- whose recipient was told of an erasure; the access package issued to the
-- subject; and the restriction lifts.

create table execution (
    id                uuid         not null primary key,
    request_id        uuid         not null references subject_request (id),
    type              varchar(16)  not null,
    status            varchar(16)  not null,
    plan              varchar(16000),
    attempts          integer      not null,
    next_attempt_at   timestamp(6) with time zone not null,
    lease_owner       varchar(64),
    lease_until       timestamp(6) with time zone,
    last_error        varchar(500),
    queued_at         timestamp(6) with time zone not null,
    started_at        timestamp(6) with time zone,
    finished_at       timestamp(6) with time zone,
    lifted_at         timestamp(6) with time zone,
    lifted_by         varchar(100),
    lift_reason       varchar(2000),
    version           bigint       not null,
    constraint uk_execution_request unique (request_id),
    constraint ck_execution_status check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'))
);
create index ix_execution_due on execution (status, next_attempt_at);

-- lead_id has no foreign key: with the DELETE erasure mode the lead row is gone, its item stays as proof.
create table execution_item (
    execution_id  uuid         not null references execution (id),
    lead_id       uuid         not null,
    outcome       varchar(24)  not null,
    source        varchar(16)  not null,
    received_at   timestamp(6) with time zone not null,
    detail        varchar(600),
    done_at       timestamp(6) with time zone not null,
    constraint pk_execution_item primary key (execution_id, lead_id),
    constraint ck_execution_item_outcome check (outcome in ('CORRECTED', 'RESTRICTED', 'ALREADY_RESTRICTED',
        'CONSENT_NARROWED', 'ANONYMISED', 'DELETED', 'KEPT_LEGAL_HOLD'))
);
create index ix_execution_item_outcome on execution_item (execution_id, outcome);

-- One row per disclosure of an erased lead; the recipient's notice goes out once per execution when it
-- finishes, and the identifiers kept for it are cleared as it is queued.
create table erasure_notice (
    execution_id    uuid         not null references execution (id),
    disclosure_id   uuid         not null,
    recipient       varchar(200) not null,
    recipient_email varchar(254) not null,
    disclosed_on    date         not null,
    purpose         varchar(500) not null,
    subject_name    varchar(200),
    subject_email   varchar(254),
    subject_phone   varchar(20),
    recorded_at     timestamp(6) with time zone not null,
    queued_at       timestamp(6) with time zone,
    constraint pk_erasure_notice primary key (execution_id, disclosure_id)
);

create table access_package (
    request_id          uuid         not null primary key references subject_request (id),
    content             varchar(10000000),
    token_hash          varchar(64)  not null,
    issued_at           timestamp(6) with time zone not null,
    expires_at          timestamp(6) with time zone not null,
    downloads           integer      not null,
    last_downloaded_at  timestamp(6) with time zone,
    purged_at           timestamp(6) with time zone,
    version             bigint       not null
);
create index ix_access_package_expires on access_package (expires_at);

create index ix_lead_source on lead (source);

-- An exclusion stays as proof after its lead is erased by row deletion: no foreign key to lead.
create table case_match_exclusion_v5 (
    request_id   uuid          not null references subject_request (id),
    lead_id      uuid          not null,
    excluded_by  varchar(100)  not null,
    excluded_at  timestamp(6) with time zone not null,
    reason       varchar(2000) not null,
    constraint pk_case_match_exclusion_v5 primary key (request_id, lead_id)
);
insert into case_match_exclusion_v5 (request_id, lead_id, excluded_by, excluded_at, reason)
    select request_id, lead_id, excluded_by, excluded_at, reason from case_match_exclusion;
drop table case_match_exclusion;
alter table case_match_exclusion_v5 rename to case_match_exclusion;
create index ix_case_match_exclusion_lead on case_match_exclusion (lead_id);
