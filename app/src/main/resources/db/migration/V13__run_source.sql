-- gongkai reassess: a run assessed again from another run's WARC files names the run it came from.
ALTER TABLE run ADD COLUMN source_run_id VARCHAR(40);
