-- Staff lists saved under a name ("Distributions alimentaires — semaine"): the criteria only, as
-- JSON checked against the contract's schema when read. Nothing about any person.
CREATE TABLE print_presets (
  preset_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
  spec TEXT NOT NULL CHECK (json_valid(spec))
) STRICT;
