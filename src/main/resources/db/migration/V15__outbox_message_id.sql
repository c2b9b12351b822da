-- A repeat is recognisable: each outbox message carries one Message-ID on every try (messages queued before this
-- get theirs when next claimed), and counts its tries and the tries whose data the relay may have taken without
-- answering (each such try can make a repeat).
alter table outbox_message add column message_id varchar(255);
alter table outbox_message add column tries integer default 0 not null;
alter table outbox_message add column ambiguous_tries integer default 0 not null;
update outbox_message set tries = attempts + case when status = 'SENT' then 1 else 0 end;
