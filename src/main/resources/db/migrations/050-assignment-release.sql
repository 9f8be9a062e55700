-- When an assignment opens to its students: before it, they do not see it at all (not listed, its
-- exercises 404, nothing can be submitted). Null: open from the moment it is made.
ALTER TABLE assignments ADD COLUMN release_at BIGINT;
