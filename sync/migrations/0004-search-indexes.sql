-- Derived indexes, maintained by the sync when it publishes (rowid / id = lieu_id).
-- Accent-folded full text: "epicerie" finds "Épicerie"; prefixes of 2 and 3 characters indexed
-- for type-as-you-go search on the on-screen keyboard.
CREATE VIRTUAL TABLE places_fts USING fts5(
  name,
  categories, -- category ids and their French labels
  description,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE VIRTUAL TABLE places_rtree USING rtree(lieu_id, min_latitude, max_latitude, min_longitude, max_longitude);
