-- Hand out identity values in blocks of 1,000. With the default (32) H2 stops every 32 stock
-- movements to save the sequence under a database-wide lock; with five movements a sale and many
-- tills pushing at once that lock was where pushes spent their time. A block lost at a crash only
-- leaves a gap in these surrogate ids, which mean nothing.
ALTER TABLE stock_movement ALTER COLUMN id SET CACHE 1000;
ALTER TABLE journal_flag ALTER COLUMN id SET CACHE 1000;

-- How many documents of the till the hub holds, kept with the head so that a push need not count them.
ALTER TABLE till_journal ADD COLUMN received BIGINT DEFAULT 0 NOT NULL;
UPDATE till_journal SET received = (SELECT COUNT(*) FROM document d WHERE d.till_id = till_journal.till_id);
