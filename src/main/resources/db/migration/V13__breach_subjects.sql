-- The people a breach affected (breach_subject: the leads the officer selected, frozen with the breach) and the
-- notices to them (breach_notice: one per person, claimed in the transaction that queues the mail), and the
-- language of a lead (optional; the subject's notices use it, else the operator's default).
--
-- No foreign key to lead: a lead erased after the set was frozen stays counted. No contact detail is copied: only
-- the lead's id and its keyed pseudonyms (the e-mail's, the phone's, the Telegram id's), and the categories of data
-- the lead held when the set was frozen.

alter table lead add column locale varchar(2);
alter table lead add constraint ck_lead_locale check (locale is null or locale in ('ru', 'kk', 'en'));

create table breach_subject (
    breach_id    uuid         not null references breach (id),
    lead_id      uuid         not null,
    -- The lead's keyed e-mail pseudonym (email_key), null when the lead had no e-mail: the person notices go to.
    subject_key  varchar(64),
    -- Who the lead's person is when counting people: the e-mail pseudonym, else the phone's ('p:'), else the
    -- Telegram id's ('t:'), else the lead itself ('l:').
    person_key   varchar(80)  not null,
    categories   varchar(200) not null,
    source       varchar(16)  not null,
    received_at  timestamp(6) with time zone not null,
    frozen_at    timestamp(6) with time zone not null,
    constraint pk_breach_subject primary key (breach_id, lead_id)
);
create index ix_breach_subject_key on breach_subject (breach_id, subject_key, lead_id);
-- Access packages find the breaches of a subject's leads, and of its e-mail pseudonym.
create index ix_breach_subject_lead on breach_subject (lead_id);
create index ix_breach_subject_subject on breach_subject (subject_key);

create table breach_notice (
    breach_id          uuid         not null references breach (id),
    subject_key        varchar(64)  not null,
    outbox_message_id  uuid         not null,
    locale             varchar(2)   not null,
    queued_at          timestamp(6) with time zone not null,
    constraint pk_breach_notice primary key (breach_id, subject_key)
);
create index ix_breach_notice_subject on breach_notice (subject_key);

alter table breach add column affected_leads integer;
alter table breach add column affected_people integer;
alter table breach add column affected_frozen_at timestamp(6) with time zone;
alter table breach add column subjects_notified integer;
alter table breach add column subjects_unreachable integer;
