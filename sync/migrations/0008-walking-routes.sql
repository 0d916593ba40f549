-- Walking routes from the kiosk to the places near it, computed by the sync through the routing
-- service of the config. Keyed by place, with the two ends the route was computed for: a place
-- that moved, or a kiosk that moved, no longer matches, and is routed again (never trusted).
-- No foreign key: publishing replaces a changed place's rows, and its route stays valid as long
-- as it has not moved; routes of places gone from the mirror are pruned after each route pass.
CREATE TABLE walking_routes (
  lieu_id INTEGER PRIMARY KEY,
  from_latitude REAL NOT NULL,
  from_longitude REAL NOT NULL,
  to_latitude REAL NOT NULL,
  to_longitude REAL NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('route', 'none')), -- none: the service found no way
  source TEXT NOT NULL CHECK (source IN ('ign', 'osrm')),
  distance_m INTEGER CHECK (distance_m >= 0),
  geometry_json TEXT, -- [[latitude, longitude], ...], kiosk first
  steps_json TEXT, -- common/geo/maneuvers.ts RouteStep[]
  computed_at TEXT NOT NULL,
  CHECK ((outcome = 'route') = (distance_m IS NOT NULL AND geometry_json IS NOT NULL AND steps_json IS NOT NULL))
) STRICT;
