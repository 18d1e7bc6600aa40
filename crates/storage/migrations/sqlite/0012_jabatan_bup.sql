-- A position's own batas usia pensiun in years (PP 11/2017 Pasal 240: a
-- jabatan fungsional whose BUP a law sets keeps it); NULL leaves the BUP to
-- the rule set (the position's JF family, else its jenjang). Written in
-- lockstep with the other engine.
ALTER TABLE jabatan ADD COLUMN bup INTEGER;
