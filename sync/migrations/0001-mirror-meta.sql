-- Facts about the mirror itself: where its data comes from and when it was last complete.
-- Keys in use: 'source' ('soliguide' | 'demo'), 'data_date' (ISO instant of the last complete
-- copy), 'demo_generator' (version of the demo generator that wrote a demo mirror).
CREATE TABLE mirror_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
