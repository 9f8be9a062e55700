-- Which CPython a course's and an assignment's keys are for ("3.11" .. "3.14"): the simulator keys,
-- grades and explains under that version. Null on a course: 3.11, the version before anyone chose;
-- null on an assignment: its course's. TEXT in both dialects, as the version is written ("3.13").
ALTER TABLE courses ADD COLUMN python TEXT;
ALTER TABLE assignments ADD COLUMN python TEXT;
