-- :cases cases in the officers' queue (as CaseQueueBenchmarkTest seeds them): five types, six statuses, every
-- 13th assigned; due dates in the future, so the deadline watch has nothing to send while the benchmarks run.
insert into subject_request (id, reference, type, status, channel, locale, received_at, verified_at,
    status_changed_at, version, jurisdiction, deadline_policy, deadline_basis, deadline_citation, due_last_day,
    due_at, assignee)
select md5('case-' || i)::uuid, 'DSR-2024-' || (900000000 + i),
       (array['ACCESS','CORRECTION','RESTRICTION','DELETION','WITHDRAWAL'])[i % 5 + 1],
       (array['OPEN','IN_REVIEW','AWAITING_SUBJECT','APPROVED','COMPLETED','REJECTED'])[(i / 7) % 6 + 1],
       'WEB', 'ru', now() - interval '20 days', now() - interval '20 days', now() - interval '20 days', 0, 'KZ',
       'KZ/' || (array['ACCESS','CORRECTION','RESTRICTION','DELETION','WITHDRAWAL'])[i % 5 + 1], 'STATUTORY', 'bench',
       (now() + interval '30 days' + i * interval '7 minutes')::date,
       now() + interval '30 days' + i * interval '7 minutes',
       case when i % 13 = 0 then 'officer-' || (i % 10) end
from generate_series(0, :cases - 1) i;
analyze subject_request;
