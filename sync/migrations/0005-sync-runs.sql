-- One row per sync pass, whatever its outcome: staff and the heartbeat read data freshness and
-- the last error here. A run left 'running' by a killed process is closed as failed at the next.
CREATE TABLE sync_runs (
  run_id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('full', 'light', 'demo')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('running', 'success', 'failed')),
  places INTEGER, -- places in the mirror after the run
  added INTEGER,
  updated INTEGER,
  hidden INTEGER,
  quarantined INTEGER,
  error TEXT -- which request failed and what was kept, for people
) STRICT;
CREATE INDEX sync_runs_by_outcome ON sync_runs(outcome, finished_at);

-- Records refused at ingest (wrong shape), counted per run, never fatal one by one.
CREATE TABLE quarantined_records (
  run_id INTEGER NOT NULL REFERENCES sync_runs(run_id) ON DELETE CASCADE,
  lieu_id INTEGER,
  reason TEXT NOT NULL,
  excerpt TEXT NOT NULL -- the start of the record as received, for the coordinator
) STRICT;

-- ETag of the last GET /place per place, so that unchanged details are not downloaded again.
CREATE TABLE place_details (
  lieu_id INTEGER PRIMARY KEY REFERENCES places(lieu_id) ON DELETE CASCADE,
  etag TEXT,
  fetched_at TEXT NOT NULL
) STRICT;
