-- PostgreSQL only: the audit trail cannot be changed or emptied, even by the
-- service's own database role. (Disabling the trigger needs the table owner,
-- which an auditor's verification then catches as a broken chain.)

create or replace function audit_event_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update_delete
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_refuse_change();
