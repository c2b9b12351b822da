-- Execution and access packages read a subject's leads in id order, batch after batch ("email_key = ? and id > ?
-- order by id limit 200"). With the id in the index that is one range scan per batch; with the key alone PostgreSQL
-- fetched and sorted every remaining lead of the subject for each batch (100,000 leads: 363 leads/s instead of
-- thousands), whenever its statistics were older than the subject's leads.
drop index ix_lead_email_key;
create index ix_lead_email_key on lead (email_key, id);
drop index ix_lead_phone_key;
create index ix_lead_phone_key on lead (phone_key, id);
