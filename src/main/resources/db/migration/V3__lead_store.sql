-- The lead store: applications from the website forms and the Telegram bot.
-- Personal data is looked up by keyed hashes of its normalised form (indexed),
-- never by scanning the clear values.

create table lead (
    id                      uuid         not null primary key,
    source                  varchar(16)  not null,
    name                    varchar(200),
    phone                   varchar(20),
    email                   varchar(254),
    message                 varchar(4000),
    ip_address              varchar(45),
    cookie_id               varchar(100),
    telegram_user_id        varchar(20),
    email_key               varchar(64),
    phone_key               varchar(64),
    telegram_key            varchar(64),
    consent_at              timestamp(6) with time zone,
    consent_policy_version  varchar(20),
    consent_purposes        varchar(200),
    received_at             timestamp(6) with time zone not null,
    retention_until         timestamp(6) with time zone not null,
    restricted_at           timestamp(6) with time zone,
    restriction_reason      varchar(500),
    consent_withdrawn_at    timestamp(6) with time zone,
    legal_hold_reason       varchar(500),
    legal_hold_until        timestamp(6) with time zone,
    anonymised_at           timestamp(6) with time zone,
    ingested_by             varchar(100) not null,
    version                 bigint       not null,
    constraint ck_lead_source check (source in ('WEB_FORM', 'TELEGRAM_BOT'))
);
create index ix_lead_email_key on lead (email_key);
create index ix_lead_phone_key on lead (phone_key);
create index ix_lead_telegram_key on lead (telegram_key);
create index ix_lead_received on lead (received_at, id);
create index ix_lead_retention on lead (retention_until);

create table lead_disclosure (
    id              uuid         not null primary key,
    lead_id         uuid         not null references lead (id),
    recipient       varchar(200) not null,
    recipient_email varchar(254),
    purpose         varchar(500) not null,
    legal_basis     varchar(200) not null,
    disclosed_on    date         not null,
    recorded_at     timestamp(6) with time zone not null,
    recorded_by     varchar(100) not null
);
create index ix_lead_disclosure_lead on lead_disclosure (lead_id);
