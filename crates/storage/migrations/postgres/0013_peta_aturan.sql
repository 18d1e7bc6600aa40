-- The whole rule set a talent map was computed with, as canonical TOML
-- (`RuleSet::to_toml`), beside the id and cut-offs already kept: a period
-- is closed under the rules of its own map even after the bundled rules
-- change. NULL for maps computed before this migration. Written in
-- lockstep with the other engine.
ALTER TABLE peta_talenta ADD COLUMN rule_set_toml TEXT COLLATE "C";
