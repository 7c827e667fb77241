-- What `gongkai audit --resume RUN` needs to carry on an interrupted run exactly as it was started.
ALTER TABLE run ADD COLUMN agencies_file VARCHAR(2000);
ALTER TABLE run ADD COLUMN pack_ref VARCHAR(1000);
ALTER TABLE run ADD COLUMN crawl_settings VARCHAR(4000);
