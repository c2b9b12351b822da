-- Finding the subject's data: an officer confirms the phone the subject gave
-- (the e-mail is proven by verification) and excludes false matches.

alter table subject_request add column phone_confirmed_by varchar(100);
alter table subject_request add column phone_confirmed_at timestamp(6) with time zone;

create table case_match_exclusion (
    request_id   uuid          not null references subject_request (id),
    lead_id      uuid          not null references lead (id),
    excluded_by  varchar(100)  not null,
    excluded_at  timestamp(6) with time zone not null,
    reason       varchar(2000) not null,
    constraint pk_case_match_exclusion primary key (request_id, lead_id)
);
