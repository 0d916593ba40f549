-- Search at national scale (issue 4). One row per service, keyed by its category and position,
-- so that "this need, near here" is a few range scans on one clustered B-tree (the R*Tree
-- visits every place of the box). Each row carries what ranks it without reading other tables:
-- the effective weekly hours packed (common/opening/packed-week.ts; NULL = no hours, "unknown"),
-- temporary closures and hours with their days, holiday rule, department and zone, and the
-- access/audience traits the filters test.
CREATE TABLE search_points (
  category_id TEXT NOT NULL,
  latitude REAL NOT NULL,
  longitude REAL NOT NULL,
  service_id TEXT NOT NULL,
  lieu_id INTEGER NOT NULL,
  week BLOB,
  has_own_hours INTEGER NOT NULL CHECK (has_own_hours IN (0, 1)),
  -- Temporary information as calendar days, end included ('9999-12-31': until further notice).
  closure_from TEXT, -- the place's closure
  closure_to TEXT,
  service_closure_from TEXT,
  service_closure_to TEXT,
  hours_from TEXT, -- the place's temporary hours (services with their own hours ignore them)
  hours_to TEXT,
  temporary_week BLOB,
  closed_on_holidays INTEGER NOT NULL CHECK (closed_on_holidays IN (0, 1)),
  department_code TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  traits INTEGER NOT NULL, -- bits of sync/search-index.ts TRAIT
  age_min INTEGER NOT NULL,
  age_max INTEGER NOT NULL,
  PRIMARY KEY (category_id, latitude, longitude, service_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_points_by_place ON search_points(lieu_id);

-- The R*Tree of 0004 has no reader left: search points answer "near here".
DROP TABLE places_rtree;

-- Towns present in the mirror, for choosing where "near" is measured from.
CREATE TABLE towns (
  department_code TEXT NOT NULL,
  city TEXT NOT NULL,
  postal_code TEXT NOT NULL, -- the most common one among the town's places
  latitude REAL NOT NULL,
  longitude REAL NOT NULL,
  place_count INTEGER NOT NULL,
  PRIMARY KEY (department_code, city)
) STRICT;

-- The full-text index gains a column of map cells (two sizes, sync/search-index.ts) so that typed
-- words are intersected with the area rather than read for the whole country, and prefix indexes
-- up to 6 letters (typing on the on-screen keyboard; longer words are matched on their first six).
-- Neither positions nor columns are kept (detail = none: words are matched one by one, never as
-- phrases, in any column; a cell token typed by someone would only select the places of that
-- cell). Rows are filled again by the code after this migration.
DROP TABLE places_fts;
CREATE VIRTUAL TABLE places_fts USING fts5(
  name,
  categories,
  description,
  cell,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4 5 6',
  detail = none
);
-- Every distinct indexed word, for tolerating a one-letter typo.
CREATE VIRTUAL TABLE places_vocabulary USING fts5vocab(places_fts, 'row');
