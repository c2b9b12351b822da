-- :total leads; every (:total / :subject_leads)-th belongs to one of the subjects of the filed DELETION requests
-- (e-mail erasure-<k>@example.kz, matched by email_key = the request's subject_key), spread over the table;
-- the others are other people's.
with s as (
    select subject_key, email, row_number() over (order by email) - 1 as k
    from subject_request where email like 'erasure-%@example.kz'
), g as (
    select i, (i % (:total / :subject_leads) = 0) as mine, (i / (:total / :subject_leads) - 1) as j
    from generate_series(1, :total) i
)
insert into lead (id, source, name, phone, email, message, ip_address, cookie_id, email_key, consent_at,
    consent_policy_version, consent_purposes, received_at, retention_until, ingested_by, version)
select gen_random_uuid(), 'WEB_FORM', 'Lead ' || g.i, '+7701' || lpad((g.i % 10000000)::text, 7, '0'),
       coalesce(s.email, 'other-' || g.i || '@example.kz'), 'Please call me back about the offer',
       '10.0.' || (g.i % 256) || '.' || (g.i / 256 % 256), 'ck-' || g.i,
       coalesce(s.subject_key, encode(sha256(('other-' || g.i)::bytea), 'hex')),
       now() - interval '30 days', '2025-01', 'FEEDBACK,CONSULTING', now() - (g.i % 10000) * interval '1 minute',
       now() + interval '700 days', 'ingest-1', 0
from g left join s on g.mine and s.k = g.j % (select count(*) from s)
order by g.i;
analyze lead;
