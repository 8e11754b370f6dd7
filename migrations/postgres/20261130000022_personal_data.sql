-- Personal data under Moroccan law 09-08 (PostgreSQL): a person may delete their account. The
-- row stays as an anonymous placeholder ("Deleted account #N", no address, no usable password),
-- so the scores they gave as a judge, and every event's results, stay as they were. `deleted_at`
-- (UTC unix seconds) marks such a placeholder: it can never sign in, be given a reset link or
-- be made an admin again. NULL for every account in use.
ALTER TABLE users ADD COLUMN deleted_at BIGINT;
