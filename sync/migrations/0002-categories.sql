-- The Soliguide category graph (API.md §3): a DAG, so links are a separate table; `rank` orders
-- siblings, `root_rank` orders the roots. Ids are Soliguide's own (`food`, `accomodation_and_housing`).
CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  root_rank INTEGER -- NULL for non-root categories
) STRICT;

CREATE TABLE category_links (
  parent_id TEXT NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  child_id TEXT NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  PRIMARY KEY (parent_id, child_id)
) STRICT;

CREATE INDEX category_links_by_child ON category_links(child_id);
