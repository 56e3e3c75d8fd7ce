-- Version 2: links across articles. cluster_id groups events from different
-- articles that report the same real-world event; duplicate_of marks a
-- near-duplicate (syndicated) copy of an earlier article. Both are written
-- after a run by eventwire.framing.cluster through Store.update_clusters /
-- Store.set_duplicate.

ALTER TABLE events ADD COLUMN cluster_id VARCHAR;
ALTER TABLE articles ADD COLUMN duplicate_of VARCHAR;
CREATE INDEX events_cluster ON events (cluster_id);
CREATE INDEX failures_run ON failures (run_id);
