-- One audit run: what was assessed, with which pack, as of which date, and where its outputs went.
CREATE TABLE run (
    id          VARCHAR(40)  PRIMARY KEY,
    pack_id     VARCHAR(100) NOT NULL,
    as_of       DATE         NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    started_at  TIMESTAMP    NOT NULL,
    finished_at TIMESTAMP,
    out_dir     VARCHAR(1000),
    error       VARCHAR(4000)
);

CREATE TABLE run_agency (
    run_id         VARCHAR(40)   NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    name           VARCHAR(400)  NOT NULL,
    url            VARCHAR(2000) NOT NULL,
    agency_type    VARCHAR(20)   NOT NULL,
    tier           VARCHAR(40)   NOT NULL,
    reachable      BOOLEAN,
    pages_fetched  INT,
    failures       INT,
    score          DOUBLE PRECISION,
    max_score      DOUBLE PRECISION,
    rank_overall   INT,
    rank_in_tier   INT,
    PRIMARY KEY (run_id, name)
);

-- Every response kept, with the WARC record that holds its bytes.
CREATE TABLE page (
    run_id          VARCHAR(40)   NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    agency          VARCHAR(400)  NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    status          INT           NOT NULL,
    content_type    VARCHAR(200),
    title           VARCHAR(1000),
    fetched_at      TIMESTAMP     NOT NULL,
    warc_record_id  VARCHAR(100)
);
CREATE INDEX page_run ON page (run_id, agency);

CREATE TABLE fetch_failure (
    run_id    VARCHAR(40)   NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    agency    VARCHAR(400)  NOT NULL,
    url       VARCHAR(2000) NOT NULL,
    referrer  VARCHAR(2000),
    status    INT           NOT NULL,
    error     VARCHAR(1000)
);

CREATE TABLE fact (
    run_id          VARCHAR(40)   NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    agency          VARCHAR(400)  NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    title           VARCHAR(1000),
    url             VARCHAR(2000) NOT NULL,
    year_covered    INT,
    published_on    DATE,
    written_on      DATE,
    guide_fields    VARCHAR(400),
    has_san_gong    BOOLEAN       NOT NULL,
    warc_record_id  VARCHAR(100)
);
CREATE INDEX fact_run ON fact (run_id, agency);

CREATE TABLE finding (
    run_id       VARCHAR(40)  NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    agency       VARCHAR(400) NOT NULL,
    rule_id      VARCHAR(100) NOT NULL,
    item         VARCHAR(100) NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    points       DOUBLE PRECISION NOT NULL,
    awarded      DOUBLE PRECISION NOT NULL,
    explanation  VARCHAR(4000),
    evidence     VARCHAR(8000),
    PRIMARY KEY (run_id, agency, rule_id)
);
