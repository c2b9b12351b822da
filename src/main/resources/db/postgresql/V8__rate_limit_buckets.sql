-- PostgreSQL only: the rate limits' token buckets (Bucket4j's PostgreSQL proxy manager), shared by every replica so
-- that a client gets the configured limit however many replicas serve it. One row per limited key: a client
-- address or a keyed hash of an e-mail address, each prefixed by its limit; no personal data in clear.
create table rate_limit_bucket (
    id         varchar(128) primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
