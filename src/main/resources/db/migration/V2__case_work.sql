-- Case work: jurisdiction and deadline, assignment, decisions, duplicates;
-- claims of deadline alerts (one per case, threshold and due date, across replicas).

alter table subject_request add column jurisdiction varchar(8);
alter table subject_request add column deadline_policy varchar(40);
alter table subject_request add column deadline_basis varchar(20);
alter table subject_request add column deadline_citation varchar(300);
alter table subject_request add column due_last_day date;
alter table subject_request add column due_at timestamp(6) with time zone;
alter table subject_request add column extensions_granted integer default 0 not null;
alter table subject_request add column paused_working_days integer default 0 not null;
alter table subject_request add column paused_since timestamp(6) with time zone;
alter table subject_request add column assignee varchar(100);
alter table subject_request add column duplicate_of uuid;
alter table subject_request add column decided_by varchar(100);
alter table subject_request add column decided_at timestamp(6) with time zone;
alter table subject_request add column rejection_basis varchar(40);
alter table subject_request add column decision_reason varchar(2000);
alter table subject_request add column cancellation_reason varchar(30);
alter table subject_request add column closed_at timestamp(6) with time zone;

-- The work queue: by due date (keyset on due_at, id), per status and per assignee.
create index ix_case_queue on subject_request (due_at, id);
create index ix_case_status_due on subject_request (status, due_at, id);
create index ix_case_assignee_due on subject_request (assignee, due_at, id);
create index ix_case_type_due on subject_request (type, due_at, id);
create index ix_case_received on subject_request (received_at);
create index ix_case_closed on subject_request (closed_at);

create table deadline_alert (
    request_id  uuid        not null references subject_request (id),
    threshold   varchar(16) not null,
    due_at      timestamp(6) with time zone not null,
    claimed_at  timestamp(6) with time zone not null,
    claimed_by  varchar(64) not null,
    constraint pk_deadline_alert primary key (request_id, threshold, due_at),
    constraint ck_deadline_alert_threshold check (threshold in ('DUE_SOON', 'OVERDUE'))
);
