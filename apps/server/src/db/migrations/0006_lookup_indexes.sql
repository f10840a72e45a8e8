-- Indexes for lookups the benchmarks found scanning whole tables at city scale: a fund's loan
-- extensions (loan register), its repayments by date (register, indicators), its member shares.
CREATE INDEX loan_step_extend_idx ON loan_step (loan_id) WHERE step = 'extend';
CREATE INDEX loan_step_write_off_idx ON loan_step (loan_id) WHERE step = 'write_off';
CREATE INDEX repayment_fund_date_idx ON repayment (fund_id, on_date);
CREATE INDEX member_share_fund_idx ON member_share (fund_id);
