-- Issue 7: review round-trip and year-over-year comparison.

-- SHA-256 of each kept response body, for the workbook's 证据 sheet.
ALTER TABLE page ADD COLUMN content_sha256 VARCHAR(64);

-- The run a run was compared with when it was audited (--previous), if any.
ALTER TABLE run ADD COLUMN previous_run_id VARCHAR(40);

-- An assessor's conclusion on one finding, read from a returned workbook by `gongkai rescore`. Every rescore adds
-- rows (history is kept); the collected pages, facts and findings of the run are never changed.
CREATE TABLE review (
    run_id       VARCHAR(40)   NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    agency       VARCHAR(400)  NOT NULL,
    rule_id      VARCHAR(100)  NOT NULL,
    conclusion   VARCHAR(40)   NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    awarded      DOUBLE PRECISION NOT NULL,
    note         VARCHAR(4000),
    cell         VARCHAR(200),
    reviewer     VARCHAR(200)  NOT NULL,
    reviewed_at  TIMESTAMP     NOT NULL,
    source_file  VARCHAR(1000),
    PRIMARY KEY (run_id, agency, rule_id, reviewed_at)
);
