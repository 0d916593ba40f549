-- Places keyed on Soliguide's lieu_id (API.md §6 trap 16: seo_url is not unique) with what the
-- kiosk shows and filters on. Texts from the API are stored twice: sanitised HTML (allow-list,
-- links as data) and plain text (search, print, read-aloud). Conditions (modalities, publics) are
-- JSON in our own English-named shape; later issues add generated columns where they filter.
CREATE TABLE places (
  lieu_id INTEGER PRIMARY KEY,
  seo_url TEXT NOT NULL,
  name TEXT NOT NULL,
  place_type TEXT NOT NULL CHECK (place_type IN ('LIEU', 'PARCOURS_MOBILE')),
  latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  address TEXT, -- NULL for places "sur orientation": never shown, whatever the payload carried
  additional_information TEXT, -- NULL as well for those places (it often repeats the address)
  postal_code TEXT NOT NULL,
  city TEXT NOT NULL,
  department_code TEXT NOT NULL,
  country TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  on_referral INTEGER NOT NULL CHECK (on_referral IN (0, 1)), -- modalities.orientation.checked
  description_html TEXT,
  description_text TEXT,
  closed_on_holidays TEXT NOT NULL CHECK (closed_on_holidays IN ('CLOSED', 'OPEN', 'UNKNOWN')),
  hours_note TEXT,
  modalities_json TEXT NOT NULL,
  publics_json TEXT NOT NULL,
  email TEXT,
  website TEXT,
  facebook TEXT,
  instagram TEXT,
  created_at TEXT,
  updated_at TEXT, -- Soliguide's updatedAt (edits through the API; not nightly jobs)
  category_text TEXT NOT NULL, -- category ids and French labels, ancestors included, for the full-text index
  content_hash TEXT NOT NULL -- of the payload as received: unchanged places are not rewritten
) STRICT;

CREATE TABLE services (
  service_id TEXT PRIMARY KEY, -- "<lieu_id>/<serviceObjectId>" ("<lieu_id>/#<index>" when absent): unique within a place only
  lieu_id INTEGER NOT NULL REFERENCES places(lieu_id) ON DELETE CASCADE,
  position INTEGER NOT NULL, -- index in services_all: translations are merged by index (API.md §1.8)
  category_id TEXT NOT NULL,
  description_html TEXT,
  description_text TEXT,
  has_own_hours INTEGER NOT NULL CHECK (has_own_hours IN (0, 1)),
  modalities_json TEXT NOT NULL, -- the service's values: copies of the place's when not different (§6 trap 13)
  publics_json TEXT NOT NULL,
  closure_start_day TEXT, -- service closure (§2.5), calendar days in the place's time zone, inclusive
  closure_end_day TEXT,
  saturation TEXT CHECK (saturation IN ('LOW', 'MODERATE', 'HIGH'))
) STRICT;
CREATE INDEX services_by_place ON services(lieu_id);
CREATE INDEX services_by_category ON services(category_id, lieu_id);

-- Weekly hours as minutes of the week in the place's own time zone (Monday 00:00 = 0, end
-- exclusive, 2359 = end of day = next day's 0): "open at instant T" becomes
-- `start_minute <= m AND m < end_minute` once T is turned into the local minute of the week m.
CREATE TABLE opening_slots (
  lieu_id INTEGER NOT NULL REFERENCES places(lieu_id) ON DELETE CASCADE,
  service_id TEXT REFERENCES services(service_id) ON DELETE CASCADE, -- NULL: the place's hours
  schedule TEXT NOT NULL CHECK (schedule IN ('regular', 'temporary')),
  start_minute INTEGER NOT NULL,
  end_minute INTEGER NOT NULL,
  CHECK (0 <= start_minute AND start_minute < end_minute AND end_minute <= 10080)
) STRICT;
CREATE INDEX opening_slots_by_place ON opening_slots(lieu_id, schedule, start_minute);

-- Temporary closure, hours and message (API.md §2.5): only announced ones (actif with a start),
-- as calendar days in the place's time zone, end inclusive, NULL end = until further notice.
-- Whether one is in effect is decided at query time, never from `actif`.
CREATE TABLE temporary_notices (
  lieu_id INTEGER NOT NULL REFERENCES places(lieu_id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('closure', 'hours', 'message')),
  start_day TEXT NOT NULL,
  end_day TEXT,
  title TEXT,
  description_html TEXT,
  description_text TEXT,
  PRIMARY KEY (lieu_id, kind)
) STRICT;

CREATE TABLE place_phones (
  lieu_id INTEGER NOT NULL REFERENCES places(lieu_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT,
  number TEXT NOT NULL, -- as received: national number without 0 (new) or free text (old, special)
  country_code TEXT NOT NULL,
  is_special INTEGER NOT NULL CHECK (is_special IN (0, 1)),
  PRIMARY KEY (lieu_id, position)
) STRICT;

-- Spoken languages only come from GET /place (search omits them, API.md §1.7).
CREATE TABLE place_languages (
  lieu_id INTEGER NOT NULL REFERENCES places(lieu_id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  PRIMARY KEY (lieu_id, language)
) STRICT;

-- Where the data came from (§2.9), for the attribution shown with the place.
CREATE TABLE place_sources (
  lieu_id INTEGER NOT NULL REFERENCES places(lieu_id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  is_origin INTEGER NOT NULL CHECK (is_origin IN (0, 1)),
  license TEXT,
  url TEXT,
  PRIMARY KEY (lieu_id, name)
) STRICT;

-- Texts translated by Soliguide (§1.8), only where they differ from the French: a missing row
-- means "only in French" and the UI says so.
CREATE TABLE place_translations (
  lieu_id INTEGER NOT NULL REFERENCES places(lieu_id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  field TEXT NOT NULL, -- 'description', 'modalities.other', 'notice.message.title', 'service.<position>.description'…
  html TEXT,
  text TEXT NOT NULL,
  PRIMARY KEY (lieu_id, language, field)
) STRICT;
