-- Compaction keeps only the latest change of each product, tax rate, location and stock level
-- (per store scope); this index finds the later ones.
CREATE INDEX change_log_entity_idx ON change_log (kind, entity_key, seq);
