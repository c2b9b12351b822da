-- Mail is rendered by the outbox sender when it sends, not inside the business transaction that queues it: a queued
-- message holds its template, its model (JSON) and the request's reference and subject pseudonym (for its audit
-- events, so that queuing reads nothing back). body_text/body_html stay for messages queued before this migration.
alter table outbox_message add column template varchar(40);
alter table outbox_message add column model varchar(100000);
alter table outbox_message add column request_ref varchar(32);
alter table outbox_message add column subject_pseudonym varchar(64);
