-- PostgreSQL only: published tree heads are append-only, as the events are (V6_1's function refuses the change).
create trigger audit_tree_head_no_update_delete
    before update or delete on audit_tree_head
    for each row execute function audit_event_refuse_change();

create trigger audit_tree_head_no_truncate
    before truncate on audit_tree_head
    for each statement execute function audit_event_refuse_change();
