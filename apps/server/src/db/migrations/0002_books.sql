-- The village fund's books: profile, bylaws, members, shares, groups, loans, ledger.

ALTER TABLE fund
  ADD COLUMN registration_no  text,
  ADD COLUMN registered_on    date,
  ADD COLUMN bank_name        text,
  ADD COLUMN bank_account_no  text;

-- Village households and registered poor households, dated: the denominators of membership rates.
CREATE TABLE fund_household_count (
  fund_id           integer NOT NULL REFERENCES fund (id),
  as_of             date NOT NULL,
  total_households  integer NOT NULL CHECK (total_households >= 0),
  poor_households   integer NOT NULL CHECK (poor_households >= 0 AND poor_households <= total_households),
  PRIMARY KEY (fund_id, as_of)
);

-- Bylaws parameters (章程), one version per effective date.
CREATE TABLE fund_bylaws (
  fund_id       integer NOT NULL REFERENCES fund (id),
  effective_on  date NOT NULL,
  params        jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fund_id, effective_on)
);

CREATE TABLE member (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_id          integer NOT NULL REFERENCES fund (id),
  member_no        integer NOT NULL,
  head_name        text NOT NULL,
  id_card_no       char(18) NOT NULL,
  phone            text,
  villager_group   text,
  household_size   integer NOT NULL CHECK (household_size BETWEEN 1 AND 50),
  category         text NOT NULL CHECK (category IN ('poor', 'ordinary')),
  dibao            boolean NOT NULL DEFAULT false,
  wubao            boolean NOT NULL DEFAULT false,
  joined_on        date NOT NULL,
  exited_on        date,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (fund_id, member_no),
  CHECK (exited_on IS NULL OR exited_on >= joined_on)
);
-- One membership per household (身份证号) in a fund while it is a member.
CREATE UNIQUE INDEX member_one_per_household ON member (fund_id, id_card_no) WHERE exited_on IS NULL;
CREATE INDEX member_id_card_idx ON member (id_card_no);

-- Category over time: a poor member is one recorded as poor on the date of the event counted.
CREATE TABLE member_category (
  member_id     integer NOT NULL REFERENCES member (id),
  effective_on  date NOT NULL,
  category      text NOT NULL CHECK (category IN ('poor', 'ordinary')),
  dibao         boolean NOT NULL,
  wubao         boolean NOT NULL,
  PRIMARY KEY (member_id, effective_on)
);

-- Board (理事会) and supervisory board (监事会) members, linked to member households.
CREATE TABLE fund_officer (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_id    integer NOT NULL REFERENCES fund (id),
  member_id  integer NOT NULL REFERENCES member (id),
  body       text NOT NULL CHECK (body IN ('board', 'supervisory')),
  title      text NOT NULL,
  from_on    date NOT NULL,
  to_on      date
);

CREATE TABLE joint_group (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_id    integer NOT NULL REFERENCES fund (id),
  name       text NOT NULL,
  formed_on  date NOT NULL,
  UNIQUE (fund_id, name)
);

CREATE TABLE joint_group_member (
  group_id   integer NOT NULL REFERENCES joint_group (id),
  member_id  integer NOT NULL REFERENCES member (id),
  joined_on  date NOT NULL,
  left_on    date,
  PRIMARY KEY (group_id, member_id)
);
CREATE UNIQUE INDEX joint_group_member_one_group ON joint_group_member (member_id) WHERE left_on IS NULL;

-- Chart of accounts per fund, seeded from the default chart; a fund may add sub-accounts.
CREATE TABLE account (
  fund_id      integer NOT NULL REFERENCES fund (id),
  code         text NOT NULL CHECK (code ~ '^[0-9]{4}([0-9]{2})*$'),
  name         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('asset', 'liability', 'net_assets', 'income', 'expense')),
  parent_code  text,
  PRIMARY KEY (fund_id, code),
  FOREIGN KEY (fund_id, parent_code) REFERENCES account (fund_id, code)
);

-- Vouchers (记账凭证): append-only, numbered per fund and month without gaps.
CREATE TABLE voucher (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_id              integer NOT NULL REFERENCES fund (id),
  period               char(7) NOT NULL,
  number               integer NOT NULL CHECK (number > 0),
  date                 date NOT NULL,
  kind                 text NOT NULL,
  memo                 text NOT NULL,
  reverses_voucher_id  bigint UNIQUE REFERENCES voucher (id),
  created_by           integer REFERENCES app_user (id),
  recorded_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (fund_id, period, number),
  CHECK (period = to_char(date, 'YYYY-MM'))
);
CREATE INDEX voucher_fund_date_idx ON voucher (fund_id, date);

CREATE TABLE voucher_line (
  voucher_id      bigint NOT NULL REFERENCES voucher (id),
  line_no         smallint NOT NULL,
  fund_id         integer NOT NULL,
  account_code    text NOT NULL,
  side            text NOT NULL CHECK (side IN ('debit', 'credit')),
  amount_fen      bigint NOT NULL CHECK (amount_fen > 0),
  subledger_kind  text CHECK (subledger_kind IN ('loan', 'member')),
  subledger_id    integer,
  memo            text,
  PRIMARY KEY (voucher_id, line_no),
  FOREIGN KEY (fund_id, account_code) REFERENCES account (fund_id, code)
);
CREATE INDEX voucher_line_account_idx ON voucher_line (fund_id, account_code);
CREATE INDEX voucher_line_subledger_idx ON voucher_line (subledger_kind, subledger_id);

CREATE TABLE voucher_counter (
  fund_id      integer NOT NULL REFERENCES fund (id),
  period       char(7) NOT NULL,
  last_number  integer NOT NULL,
  PRIMARY KEY (fund_id, period)
);

CREATE TABLE period_close (
  fund_id    integer NOT NULL REFERENCES fund (id),
  period     char(7) NOT NULL,
  closed_at  timestamptz NOT NULL DEFAULT now(),
  closed_by  integer REFERENCES app_user (id),
  PRIMARY KEY (fund_id, period)
);

CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: correct by a reversing voucher', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER voucher_append_only BEFORE UPDATE OR DELETE ON voucher
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER voucher_line_append_only BEFORE UPDATE OR DELETE ON voucher_line
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- A closed period takes no new vouchers.
CREATE FUNCTION voucher_period_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM period_close WHERE fund_id = NEW.fund_id AND period = NEW.period) THEN
    RAISE EXCEPTION 'period % of fund % is closed', NEW.period, NEW.fund_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER voucher_period_open BEFORE INSERT ON voucher
  FOR EACH ROW EXECUTE FUNCTION voucher_period_open();

-- Debits equal credits, checked by the database at commit (deferred), whatever the code did.
CREATE FUNCTION voucher_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  debits bigint;
  credits bigint;
BEGIN
  SELECT coalesce(sum(amount_fen) FILTER (WHERE side = 'debit'), 0),
         coalesce(sum(amount_fen) FILTER (WHERE side = 'credit'), 0)
    INTO debits, credits
    FROM voucher_line WHERE voucher_id = NEW.id;
  IF debits <> credits OR debits = 0 THEN
    RAISE EXCEPTION 'voucher % is unbalanced: debits % credits %', NEW.id, debits, credits
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER voucher_balanced AFTER INSERT ON voucher
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION voucher_balanced();

-- Share movements of a member: own contributions and refunds move money; 配股 (fiscal shares
-- credited to a poor household) and its return move none.
CREATE TABLE member_share (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_id     integer NOT NULL REFERENCES fund (id),
  member_id   integer NOT NULL REFERENCES member (id),
  kind        text NOT NULL CHECK (kind IN ('contribution', 'refund', 'allotment', 'allotment_return')),
  on_date     date NOT NULL,
  shares      integer NOT NULL,
  amount_fen  bigint NOT NULL CHECK (amount_fen > 0),
  method      text CHECK (method IN ('cash', 'bank')),
  voucher_id  bigint REFERENCES voucher (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX member_share_member_idx ON member_share (member_id);

CREATE TABLE loan (
  id                     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_id                integer NOT NULL REFERENCES fund (id),
  loan_no                integer NOT NULL,
  member_id              integer NOT NULL REFERENCES member (id),
  group_id               integer REFERENCES joint_group (id),
  purpose                text NOT NULL,
  purpose_detail         text,
  amount_fen             bigint NOT NULL CHECK (amount_fen > 0),
  term_months            integer NOT NULL CHECK (term_months > 0),
  instalments            integer NOT NULL DEFAULT 1 CHECK (instalments BETWEEN 1 AND 60),
  applied_on             date NOT NULL,
  borrower_poor          boolean NOT NULL,
  first_loan             boolean NOT NULL,
  status                 text NOT NULL,
  guarantor1_member_id   integer REFERENCES member (id),
  guarantor2_member_id   integer REFERENCES member (id),
  notice_from            date,
  notice_until           date,
  contract_no            text,
  contracted_on          date,
  disbursed_on           date,
  disbursement_method    text CHECK (disbursement_method IN ('cash', 'bank')),
  due_on                 date,
  original_due_on        date,
  settled_on             date,
  written_off_on         date,
  write_off_resolution   text,
  principal_outstanding_fen bigint NOT NULL DEFAULT 0 CHECK (principal_outstanding_fen >= 0),
  -- The domain's LoanState (schedule, fee terms, fee owed) after the last event.
  state                  jsonb,
  created_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (fund_id, loan_no)
);
CREATE INDEX loan_member_idx ON loan (member_id);
CREATE INDEX loan_fund_status_idx ON loan (fund_id, status);

-- Every step of a loan's life: who, when, the decision and the reason.
CREATE TABLE loan_step (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  loan_id      integer NOT NULL REFERENCES loan (id),
  step         text NOT NULL,
  decision     text NOT NULL CHECK (decision IN ('approved', 'rejected', 'done')),
  on_date      date NOT NULL,
  actor_id     integer REFERENCES app_user (id),
  actor_name   text NOT NULL,
  reason       text,
  details      jsonb NOT NULL DEFAULT '{}',
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loan_step_loan_idx ON loan_step (loan_id);

CREATE TABLE repayment (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  loan_id          integer NOT NULL REFERENCES loan (id),
  fund_id          integer NOT NULL REFERENCES fund (id),
  on_date          date NOT NULL,
  amount_fen       bigint NOT NULL CHECK (amount_fen > 0),
  principal_fen    bigint NOT NULL CHECK (principal_fen >= 0),
  normal_fee_fen   bigint NOT NULL CHECK (normal_fee_fen >= 0),
  overdue_fee_fen  bigint NOT NULL CHECK (overdue_fee_fen >= 0),
  method           text NOT NULL CHECK (method IN ('cash', 'bank')),
  voucher_id       bigint NOT NULL REFERENCES voucher (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (amount_fen = principal_fen + normal_fee_fen + overdue_fee_fen)
);
CREATE INDEX repayment_loan_idx ON repayment (loan_id);
