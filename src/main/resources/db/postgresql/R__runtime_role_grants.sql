-- Least privilege for the service's runtime role (DB_RUNTIME_ROLE, placeholder runtime_role), granted by the owner
-- that runs the migrations (the Kubernetes migration Job: `java -jar quarkus-run.jar migrate`). Repeatable: Flyway
-- applies it after the versioned migrations whenever it changes; default privileges give the tables of later
-- migrations the same DML grants (an append-only table among them needs its own revoke here).
--
-- The runtime role gets the DML the service needs and nothing else: no DDL, no TRUNCATE, no triggers. On the audit
-- trail it may only INSERT and SELECT: it can neither change nor remove an event, nor disable the append-only
-- triggers of V6_1 (only the owner can); the same for the signed tree heads (V9_1). Pending events (not yet in the
-- chain) it may insert, read and delete (the sequencer moves them into audit_event), never change.
-- It may read the migration history, not write it.
-- With DB_RUNTIME_ROLE unset ('same-as-owner', development and the test suites) the service runs as the owner and
-- nothing is granted.
do $grants$
declare
    runtime text := '${runtime_role}';
    schema_name text := current_schema();
begin
    if runtime = 'same-as-owner' or runtime = current_user then
        return;
    end if;
    execute format('grant usage on schema %I to %I', schema_name, runtime);
    execute format('revoke all on all tables in schema %I from %I', schema_name, runtime);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', schema_name, runtime);
    execute format('revoke update, delete on audit_event from %I', runtime);
    execute format('revoke update, delete on audit_tree_head from %I', runtime);
    execute format('revoke update on audit_pending from %I', runtime);
    execute format('revoke insert, delete on audit_head from %I', runtime);
    execute format('revoke insert, update, delete on %I from %I', '${flyway:table}', runtime);
    execute format('grant usage, select on all sequences in schema %I to %I', schema_name, runtime);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
            schema_name, runtime);
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I',
            schema_name, runtime);
end
$grants$;
