-- The audit log: one row per entry, numbered from 1 without gaps, each chained to the one before by hash.
-- Times are RFC 3339 UTC with nine fraction digits, so text order is time order.
CREATE TABLE audit_entry (
    seq           INTEGER PRIMARY KEY,
    time          TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    exemption_id  TEXT NOT NULL,
    context       TEXT NOT NULL,
    comment       TEXT NOT NULL,
    before_yaml   TEXT NOT NULL,
    after_yaml    TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL
);

CREATE INDEX audit_entry_by_exemption ON audit_entry (exemption_id);

-- Append-only. An entry is never changed or deleted.
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed');
END;

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted');
END;

-- Only the next number, linked to the newest entry. This also stops INSERT OR REPLACE, which removes the
-- row it replaces without firing the delete trigger.
CREATE TRIGGER audit_entry_append_only BEFORE INSERT ON audit_entry
WHEN NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_entry), 0) + 1
  OR NEW.previous_hash <> COALESCE((SELECT hash FROM audit_entry WHERE seq = NEW.seq - 1),
                                   '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an entry must follow the newest one');
END;
