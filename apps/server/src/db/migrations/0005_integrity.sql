-- Tamper evidence: every voucher is sealed into a per-fund hash chain in the order it was
-- recorded. `huzhu verify` recomputes the chain and reports vouchers or lines edited or deleted
-- behind the application's back.

CREATE TABLE voucher_seal (
  fund_id     integer NOT NULL REFERENCES fund (id),
  seq         integer NOT NULL CHECK (seq > 0),
  -- No foreign key: a seal must outlive a voucher deleted behind the application's back.
  voucher_id  bigint NOT NULL UNIQUE,
  prev_hash   text NOT NULL,
  hash        text NOT NULL,
  PRIMARY KEY (fund_id, seq)
);

CREATE TRIGGER voucher_seal_append_only BEFORE UPDATE OR DELETE ON voucher_seal
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

ALTER TABLE fund
  ADD COLUMN seal_count integer NOT NULL DEFAULT 0,
  ADD COLUMN seal_head  text;
