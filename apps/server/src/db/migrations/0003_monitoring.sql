-- Monitoring: quarterly reports with their workflow and snapshots, unlock requests, warnings.

CREATE TABLE quarterly_report (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_id          integer NOT NULL REFERENCES fund (id),
  period           char(6) NOT NULL CHECK (period ~ '^[0-9]{4}Q[1-4]$'),
  status           text NOT NULL CHECK (status IN ('draft', 'submitted', 'reviewed', 'returned', 'locked')),
  -- The indicators as generated from the books; frozen once submitted.
  indicators       jsonb NOT NULL,
  generated_at     timestamptz NOT NULL,
  submitted_at     timestamptz,
  submitted_by     integer REFERENCES app_user (id),
  source           text NOT NULL DEFAULT 'online' CHECK (source IN ('online', 'package')),
  package_checksum text,
  reviewed_at      timestamptz,
  reviewed_by      integer REFERENCES app_user (id),
  returned_reason  text,
  locked_at        timestamptz,
  locked_by        integer REFERENCES app_user (id),
  UNIQUE (fund_id, period)
);
CREATE INDEX quarterly_report_period_idx ON quarterly_report (period, status);

CREATE TABLE quarterly_report_event (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id   integer NOT NULL REFERENCES quarterly_report (id),
  action      text NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  actor_id    integer REFERENCES app_user (id),
  actor_name  text NOT NULL,
  reason      text,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quarterly_report_event_report_idx ON quarterly_report_event (report_id);

CREATE TABLE unlock_request (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id     integer NOT NULL REFERENCES quarterly_report (id),
  reason        text NOT NULL CHECK (length(trim(reason)) > 0),
  requested_by  integer REFERENCES app_user (id),
  requested_at  timestamptz NOT NULL DEFAULT now(),
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by    integer REFERENCES app_user (id),
  decided_at    timestamptz,
  decision_note text
);
CREATE UNIQUE INDEX unlock_request_one_pending ON unlock_request (report_id) WHERE status = 'pending';

-- Warning thresholds set by a city or county for its subtree (the nearest ancestor's apply).
CREATE TABLE warning_threshold (
  region_id   integer PRIMARY KEY REFERENCES region (id),
  thresholds  jsonb NOT NULL,
  updated_by  integer REFERENCES app_user (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fund_warning (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_id       integer NOT NULL REFERENCES fund (id),
  code          text NOT NULL,
  -- One warning per fund, code and subject (e.g. the loan it names; '' for fund-wide ones).
  subject       text NOT NULL DEFAULT '',
  severity      text NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
  message       text NOT NULL,
  evidence      jsonb NOT NULL,
  status        text NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (fund_id, code, subject)
);

CREATE TABLE fund_warning_event (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  warning_id  integer NOT NULL REFERENCES fund_warning (id),
  action      text NOT NULL,
  to_status   text NOT NULL,
  actor_id    integer REFERENCES app_user (id),
  actor_name  text NOT NULL,
  note        text,
  at          timestamptz NOT NULL DEFAULT now()
);

-- Meetings of the general assembly (会员大会), for the "no assembly in 12 months" warning.
CREATE TABLE assembly_meeting (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_id    integer NOT NULL REFERENCES fund (id),
  held_on    date NOT NULL,
  subject    text NOT NULL,
  attendees  integer CHECK (attendees >= 0),
  UNIQUE (fund_id, held_on, subject)
);

-- Warnings are recomputed lazily: a change to a fund's books stamps `books_changed_at`; reading
-- warnings refreshes every fund whose books changed since `warnings_checked_at`.
ALTER TABLE fund
  ADD COLUMN books_changed_at    timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN warnings_checked_at timestamptz;
