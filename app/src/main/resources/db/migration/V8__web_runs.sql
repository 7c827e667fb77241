-- Issue 8: runs started from the web app or the REST API — who started them, from where, and their live
-- progress, saved as each site starts and ends so that a page reload or a restart still shows where they were.
-- No foreign key to run: the row exists before the audit thread writes the run row (the API answers at once).
CREATE TABLE web_run (
    run_id        VARCHAR(40)   PRIMARY KEY,
    owner         VARCHAR(200)  NOT NULL,
    client        VARCHAR(200)  NOT NULL,
    target        VARCHAR(2000) NOT NULL,
    pack_ref      VARCHAR(1000) NOT NULL,
    as_of         DATE          NOT NULL,
    max_pages     INT           NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    sites_total   INT           NOT NULL,
    sites_done    INT           NOT NULL,
    pages         BIGINT        NOT NULL,
    failures      BIGINT        NOT NULL,
    current_site  VARCHAR(2000),
    error         VARCHAR(4000),
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP     NOT NULL
);
CREATE INDEX web_run_owner ON web_run (owner);
