-- A returned, corrected and resubmitted quarterly report keeps the date it was first handed in:
-- lateness is judged on the first submission (the founding notice asks for reports "in time";
-- a correction the county asked for is not a late report). submitted_at stays the latest one.
ALTER TABLE quarterly_report ADD COLUMN first_submitted_at timestamptz;
UPDATE quarterly_report SET first_submitted_at = submitted_at WHERE submitted_at IS NOT NULL;
ALTER TABLE quarterly_report ADD CONSTRAINT quarterly_report_first_submission_first
  CHECK (first_submitted_at IS NULL OR submitted_at IS NULL OR first_submitted_at <= submitted_at);
