-- The progress of a running answer import (listening) lives in its row, so every node and a reloaded page show it:
-- rows written so far (committed apart from the import's own transaction), rows to write, and when the writer last
-- reported, so an import whose node stopped is recognised and marked as failed.
alter table listening_answer_import add column rows_done integer not null default 0;
alter table listening_answer_import add column rows_total integer not null default 0;
alter table listening_answer_import add column progress_at timestamp with time zone;
