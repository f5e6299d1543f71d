-- The status bar's "N waiting · N refused" counted the outbox by reading every row, bodies and all;
-- a till that had queued 100,000 documents took 0.9 s to open for it. Refused documents are few: an
-- index on the reason finds them, and waiting is all rows (a count H2 keeps) minus those. (The
-- relay's "next waiting documents in order" reads outbox_sequence_idx, named in its query.)
CREATE INDEX outbox_rejected_idx ON outbox (rejected_reason);
