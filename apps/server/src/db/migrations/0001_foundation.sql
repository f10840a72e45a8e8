-- Foundation: regions, funds, users, sessions, login throttling, audit log.

CREATE TABLE region (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        char(12) NOT NULL UNIQUE CHECK (code ~ '^[0-9]{12}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  level       text NOT NULL CHECK (level IN ('city', 'county', 'township', 'village')),
  parent_id   integer REFERENCES region (id),
  -- Materialised path of ids, '/1/5/17/', for subtree scope checks with a prefix match.
  path        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'city') = (parent_id IS NULL))
);
CREATE INDEX region_parent_idx ON region (parent_id);
CREATE INDEX region_path_idx ON region (path text_pattern_ops);

CREATE TABLE fund (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- One fund per administrative village, never across villages.
  region_id   integer NOT NULL UNIQUE REFERENCES region (id),
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  founded_on  date,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION fund_region_is_village() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT level FROM region WHERE id = NEW.region_id) <> 'village' THEN
    RAISE EXCEPTION 'a fund belongs to a village' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER fund_region_is_village BEFORE INSERT OR UPDATE ON fund
  FOR EACH ROW EXECUTE FUNCTION fund_region_is_village();

CREATE TABLE app_user (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  display_name   text NOT NULL,
  role           text NOT NULL,
  region_id      integer NOT NULL REFERENCES region (id),
  password_hash  text NOT NULL,
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE session (
  token_hash   text PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES app_user (id),
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX session_user_idx ON session (user_id);

CREATE TABLE login_attempt (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username    text NOT NULL,
  ip          text,
  succeeded   boolean NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_user_idx ON login_attempt (username, at);

CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  user_id     integer REFERENCES app_user (id),
  username    text,
  ip          text,
  command     text NOT NULL,
  -- The region the change belongs to, for scoped reads.
  region_id   integer REFERENCES region (id),
  region_path text,
  entities    jsonb NOT NULL DEFAULT '[]',
  details     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_path_idx ON audit_log (region_path text_pattern_ops, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Idempotency: every command that moves money carries a client request id.
CREATE TABLE client_request (
  request_id   text PRIMARY KEY CHECK (length(request_id) BETWEEN 8 AND 100),
  user_id      integer REFERENCES app_user (id),
  command      text NOT NULL,
  payload_hash text NOT NULL,
  response     jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
