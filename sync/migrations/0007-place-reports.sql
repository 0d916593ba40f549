-- "This information is wrong", tapped by a person on a place's screen: for staff to check and
-- pass on to Soliguide. Anonymous by construction: the place, the reason and the day only —
-- no time of day, no session, nothing that could tell who tapped it.
CREATE TABLE place_reports (
  report_id INTEGER PRIMARY KEY,
  lieu_id INTEGER NOT NULL, -- no foreign key: a report outlives the place it is about
  reason TEXT NOT NULL CHECK (reason IN ('closed', 'moved', 'hours', 'other')),
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
CREATE INDEX place_reports_by_day ON place_reports(day);
