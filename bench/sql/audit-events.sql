-- :events audit events appended to the trail as sequenced rows (seq, hash), for the export benchmark.
-- Each canonical form is a realistic 330-420 byte JSON with a details object, as AuditCanonical writes it; the
-- hashes are not sha256(canonical) (the export does not verify them; /audit/verification would say BROKEN).
-- The chain's head is locked first and moved past the new rows, so the running service appends after them.
-- (Kept alone in this file: when writers append to a pending table and a sequencer assigns seq/hash, only this
-- file changes.)
begin;
select last_seq from audit_head where id = 1 for update;
insert into audit_event (seq, occurred_at, actor, event_type, request_ref, subject_pseudonym, canonical, prev_hash, hash)
select h.last_seq + g,
       e.at, e.actor, e.type, e.ref, e.subj,
       '{"actor":"' || e.actor || '","at":"' || to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
         || '","details":' || e.details || ',"prev":"' || e.prev || '","request":"' || e.ref || '","seq":'
         || (h.last_seq + g) || ',"subject":"' || e.subj || '","type":"' || e.type || '"}',
       e.prev, e.hash
from audit_head h, generate_series(1, :events) g,
lateral (select now() - interval '1 day' + g * interval '50 milliseconds' as at,
                (array['subject','system:outbox','officer-3','system:verification','system:execution'])[g % 5 + 1] as actor,
                (array['FILED','MAIL_QUEUED','APPROVED','VERIFICATION_ISSUED','LEAD_ANONYMISED'])[g % 5 + 1] as type,
                'DSR-2025-' || lpad((g / 10)::text, 6, '0') as ref,
                encode(sha256(('subject-' || (g / 10))::bytea), 'hex') as subj,
                case when h.last_seq + g = 1 then repeat('0', 64)
                     else encode(sha256(('bench-' || (h.last_seq + g - 1))::bytea), 'hex') end as prev,
                encode(sha256(('bench-' || (h.last_seq + g))::bytea), 'hex') as hash,
                (array['{"requestType":"DELETION","toStatus":"PENDING_VERIFICATION","visibleToSubject":true}',
                       '{"attempts":0,"kind":"VERIFICATION","message":"' || md5(g::text)::uuid || '","toStaff":false}',
                       '{"decision":"APPROVED","etag":"' || (g % 9) || '","fromStatus":"IN_REVIEW","toStatus":"APPROVED"}',
                       '{"codeExpiresAt":"2026-12-07T07:16:45.572463361Z","linkExpiresAt":"2026-12-08T06:46:45.572463361Z","resend":false}',
                       '{"lead":"' || md5('lead' || g)::uuid || '","source":"WEB_FORM","strategy":"ANONYMISE name=FIXED phone=NULL email=NULL"}'])[g % 5 + 1] as details
        ) e
where h.id = 1;
update audit_head set last_seq = (select max(seq) from audit_event),
    last_hash = (select hash from audit_event order by seq desc limit 1), last_at = now() where id = 1;
commit;
analyze audit_event;
