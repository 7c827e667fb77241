-- Issue 10: the rows of a run's agency list that were not audited, and why, so that the web page, the REST API
-- and `gongkai runs` can show them (before, only the console and audit.log did). No foreign key to run: a web run
-- stores them when the list is submitted, before the audit thread writes its run row.

-- One row per run whose agency list was read: the file as its owner named it, and how many rows were skipped.
CREATE TABLE agency_list_read (
    run_id     VARCHAR(40)   PRIMARY KEY,
    file_name  VARCHAR(1000) NOT NULL,
    agencies   INT           NOT NULL,
    skipped    INT           NOT NULL
);

-- Each skipped row (at most the first 1000 of a run; agency_list_read.skipped has the full count).
CREATE TABLE skipped_row (
    run_id      VARCHAR(40)   NOT NULL,
    seq         INT           NOT NULL,
    sheet       VARCHAR(200),
    row_no      INT           NOT NULL,
    col_no      INT           NOT NULL,
    cell_value  VARCHAR(2000),
    zh          VARCHAR(4000) NOT NULL,
    en          VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, seq)
);
