-- The notices to a breach's affected people are queued in rounds (breach_notice_round: one row per breach whose
-- notices were started), each round one transaction that claims and queues the next people in pseudonym order.
-- A worker holds the row's lock for its round (FOR UPDATE SKIP LOCKED): one replica works a breach at a time, and
-- a round cut by a crash rolls back and is done again from after_key.

create table breach_notice_round (
    breach_id    uuid         not null references breach (id),
    started_at   timestamp(6) with time zone not null,
    started_by   varchar(200) not null,
    -- The last person (e-mail pseudonym) whose notice a committed round queued; null before the first round.
    after_key    varchar(64),
    rounds       integer      not null,
    finished_at  timestamp(6) with time zone,
    constraint pk_breach_notice_round primary key (breach_id)
);

alter table breach add column subject_notices_started_at timestamp(6) with time zone;
