-- Issue 10: attachments an audit fetched but could not read, or read only in part (UnreadableAttachment
-- observations), so the run database answers "which agencies publish files we cannot open" as facts.json does.
-- One row per attachment and document kind its link names (kind NULL when it names none).
CREATE TABLE unreadable_attachment (
    run_id          VARCHAR(40)   NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    agency          VARCHAR(400)  NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    file_name       VARCHAR(1000),
    link_text       VARCHAR(2000),
    kind            VARCHAR(40),
    year_covered    INT,
    reason          VARCHAR(4000),
    truncated       BOOLEAN       NOT NULL,
    warc_record_id  VARCHAR(100)
);
CREATE INDEX unreadable_attachment_run ON unreadable_attachment (run_id, agency);
