-- Subjects who came through the operator's Telegram bot (issue 29).
--
-- A request filed by the bot back end carries the subject's Telegram user id (personal data: erased with the rest
-- of the contact; its keyed hash is the request's subject_key, the same pseudonym a lead's telegram_key holds), and
-- the time the bot was found blocked by the subject (403 from the Bot API): officers see the subject unreachable.
alter table subject_request add column telegram_user_id varchar(20);
alter table subject_request add column unreachable_at timestamp(6) with time zone;

-- The channel an outbox message leaves by: EMAIL (recipient: an address) or TELEGRAM (recipient: a chat id).
alter table outbox_message add column channel varchar(16) default 'EMAIL' not null;
alter table outbox_message add constraint ck_outbox_channel check (channel in ('EMAIL', 'TELEGRAM'));

-- No change of schema, a change of meaning: breach_subject.subject_key (whom a breach's notice goes to) holds, for a
-- lead with no e-mail but a Telegram user id, that id's keyed hash (the lead's telegram_key); its notice goes to the
-- Telegram chat. Sets frozen before this version keep null there for such leads.
