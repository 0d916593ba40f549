-- Places keyed on Soliguide's lieu_id (API.md §6 trap 16: seo_url is not unique), and their
-- services, one category each. Later migrations add hours, temporary infos, texts and indexes.
CREATE TABLE places (
  lieu_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  latitude REAL NOT NULL,
  longitude REAL NOT NULL,
  address TEXT, -- NULL for places "sur orientation", whose street address is never shown
  postal_code TEXT NOT NULL,
  city TEXT NOT NULL,
  department_code TEXT NOT NULL,
  time_zone TEXT NOT NULL DEFAULT 'Europe/Paris',
  updated_at TEXT -- ISO instant of the last change on Soliguide, when known
) STRICT;

CREATE TABLE services (
  service_id TEXT PRIMARY KEY,
  lieu_id INTEGER NOT NULL REFERENCES places(lieu_id) ON DELETE CASCADE,
  category_id TEXT NOT NULL
) STRICT;

CREATE INDEX services_by_place ON services(lieu_id);
CREATE INDEX services_by_category ON services(category_id, lieu_id);
