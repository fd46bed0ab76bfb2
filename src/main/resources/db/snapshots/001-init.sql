-- Snapshots of the last full sync of each kubeconfig context (<home>/snapshots.db).
-- A cache, rebuilt by every full sync: one row per context in sync, its objects in object.
CREATE TABLE sync (
    context                    TEXT PRIMARY KEY,
    synced_at                  TEXT NOT NULL,    -- RFC 3339 instant the full sync finished
    served_versions            TEXT NOT NULL,    -- JSON object: kind -> API version read
    exception_namespace        TEXT,
    exception_namespace_origin TEXT NOT NULL,
    problems                   TEXT NOT NULL,    -- JSON array of {file, message} met during the sync
    object_count               INTEGER NOT NULL
);

CREATE TABLE object (
    context          TEXT NOT NULL,
    kind             TEXT NOT NULL,
    api_version      TEXT NOT NULL,
    namespace        TEXT NOT NULL,
    name             TEXT NOT NULL,
    resource_version TEXT NOT NULL,
    body             TEXT NOT NULL,              -- the object as JSON, as the server returned it
    PRIMARY KEY (context, kind, namespace, name)
);
