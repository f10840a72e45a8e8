-- The city's programme: yearly plans and allocations, selection, evaluation, rectification, exit,
-- satisfaction surveys and typical cases for the annual summary.

CREATE TABLE yearly_plan (
  id                   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_id            integer NOT NULL REFERENCES region (id),
  year                 integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title                text NOT NULL,
  document_no          text,
  issuing_office       text NOT NULL,
  issued_on            date,
  standard_amount_fen  bigint NOT NULL CHECK (standard_amount_fen > 0),
  status               text NOT NULL CHECK (status IN ('draft', 'issued')),
  -- The plan as the domain sees it (budget by source, allocation lines); replaced while a draft.
  plan                 jsonb NOT NULL,
  created_by           integer REFERENCES app_user (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  issued_by            integer REFERENCES app_user (id),
  issued_at            timestamptz,
  UNIQUE (region_id, year, title)
);

-- One row per village allocation of an issued plan: what the fund confirms it received.
CREATE TABLE plan_allocation_receipt (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id            integer NOT NULL REFERENCES yearly_plan (id),
  line_no            integer NOT NULL,
  fund_id            integer NOT NULL REFERENCES fund (id),
  category           text NOT NULL,
  source             text NOT NULL,
  amount_fen         bigint NOT NULL CHECK (amount_fen > 0),
  received_on        date,
  voucher_id         bigint REFERENCES voucher (id),
  UNIQUE (plan_id, line_no),
  UNIQUE (plan_id, fund_id)
);

CREATE TABLE selection_candidate (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year            integer NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('new_pilot', 'reward_expand')),
  village_id      integer NOT NULL REFERENCES region (id),
  checklist       jsonb NOT NULL DEFAULT '{}',
  score           integer CHECK (score BETWEEN 0 AND 100),
  reference_date  date,
  eligibility     jsonb,
  submitted_by    integer REFERENCES app_user (id),
  submitted_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (year, kind, village_id)
);

CREATE TABLE evaluation_scheme (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_id   integer NOT NULL REFERENCES region (id),
  name        text NOT NULL,
  scheme      jsonb NOT NULL,
  created_by  integer REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE evaluation_run (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_id    integer NOT NULL REFERENCES region (id),
  year         integer NOT NULL,
  scheme_id    integer NOT NULL REFERENCES evaluation_scheme (id),
  evaluated_on date NOT NULL,
  status       text NOT NULL CHECK (status IN ('open', 'approved')),
  created_by   integer REFERENCES app_user (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  approved_by  integer REFERENCES app_user (id),
  approved_at  timestamptz,
  UNIQUE (region_id, year)
);

CREATE TABLE evaluation_result (
  run_id            integer NOT NULL REFERENCES evaluation_run (id),
  fund_id           integer NOT NULL REFERENCES fund (id),
  indicators        jsonb NOT NULL,
  manual_scores     jsonb NOT NULL DEFAULT '{}',
  score             jsonb NOT NULL,
  total_tenths      integer NOT NULL,
  grade             text NOT NULL,
  rank_in_county    integer,
  rank_in_city      integer,
  proposed_outcome  text NOT NULL,
  approved_outcome  text,
  outcome_deadline  date,
  PRIMARY KEY (run_id, fund_id)
);

CREATE TABLE rectification_task (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_id      integer NOT NULL REFERENCES fund (id),
  run_id       integer REFERENCES evaluation_run (id),
  description  text NOT NULL,
  deadline     date NOT NULL,
  status       text NOT NULL CHECK (status IN ('open', 'done', 'overdue')),
  evidence     text,
  closed_on    date,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fund_exit (
  fund_id      integer PRIMARY KEY REFERENCES fund (id),
  decided_on   date NOT NULL,
  reason       text NOT NULL,
  closed_on    date,
  final_check  jsonb
);

CREATE TABLE satisfaction_survey (
  fund_id       integer NOT NULL REFERENCES fund (id),
  year          integer NOT NULL,
  respondents   integer NOT NULL CHECK (respondents > 0),
  satisfied     integer NOT NULL CHECK (satisfied >= 0),
  neutral       integer NOT NULL CHECK (neutral >= 0),
  dissatisfied  integer NOT NULL CHECK (dissatisfied >= 0),
  opinions      text NOT NULL DEFAULT '',
  CHECK (satisfied + neutral + dissatisfied = respondents),
  PRIMARY KEY (fund_id, year)
);

CREATE TABLE typical_case (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_id  integer NOT NULL REFERENCES region (id),
  year       integer NOT NULL,
  fund_id    integer REFERENCES fund (id),
  title      text NOT NULL,
  body       text NOT NULL
);
