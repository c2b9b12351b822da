-- A status link sent again must not disable the one the subject holds: the
-- new token's hash waits here until its first use, which makes it the
-- request's access token (and the old one stops working). Sending again
-- replaces a pending token that was never used.
alter table subject_request add column access_token_pending_hash varchar(64);
