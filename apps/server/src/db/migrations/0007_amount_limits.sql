-- Bounds on every stored amount (issue 17.1; packages/domain/src/money/limits.ts names them):
-- one movement of a fund at most MAX_MOVEMENT_FEN = 1亿元 = 10,000,000,000 fen, a programme figure
-- at most MAX_PROGRAMME_AMOUNT_FEN = 100亿元 = 1,000,000,000,000 fen. The API refuses larger
-- amounts first (`amount_exceeds_limit`); these constraints hold whatever writes the rows.
--
-- The ledger is append-only, so a database that already holds a larger amount (written before
-- these limits) cannot be cleaned: each constraint is added NOT VALID (new rows are checked at
-- once) and then validated where the existing rows allow it; where they do not, it stays NOT
-- VALID and the reports of that fund answer `books_amount_out_of_range` instead of a 500.
ALTER TABLE voucher_line ADD CONSTRAINT voucher_line_amount_within_limit
  CHECK (amount_fen <= 10000000000) NOT VALID;
ALTER TABLE member_share ADD CONSTRAINT member_share_amount_within_limit
  CHECK (amount_fen <= 10000000000) NOT VALID;
ALTER TABLE loan ADD CONSTRAINT loan_amount_within_limit
  CHECK (amount_fen <= 10000000000 AND principal_outstanding_fen <= 10000000000) NOT VALID;
ALTER TABLE repayment ADD CONSTRAINT repayment_amount_within_limit
  CHECK (amount_fen <= 10000000000) NOT VALID;
ALTER TABLE plan_allocation_receipt ADD CONSTRAINT plan_allocation_receipt_amount_within_limit
  CHECK (amount_fen <= 1000000000000) NOT VALID;
ALTER TABLE yearly_plan ADD CONSTRAINT yearly_plan_standard_amount_within_limit
  CHECK (standard_amount_fen <= 1000000000000) NOT VALID;

DO $$
DECLARE
  item record;
BEGIN
  FOR item IN
    SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
     WHERE conname LIKE '%\_within\_limit' AND NOT convalidated
  LOOP
    BEGIN
      EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', item.tbl, item.conname);
    EXCEPTION WHEN check_violation THEN
      RAISE WARNING 'constraint % on % stays NOT VALID: existing rows exceed the limit',
        item.conname, item.tbl;
    END;
  END LOOP;
END $$;
