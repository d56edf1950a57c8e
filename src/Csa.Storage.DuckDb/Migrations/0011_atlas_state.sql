-- Schema version 11: what the atlas's instances share through the store (on PostgreSQL; a DuckDB store serves one
-- process, which keeps this state itself, so these tables stay empty there and exist for a like-for-like copy).
-- Failed logins by account name and by client address, each held as a hash (never the name or address itself).
CREATE TABLE atlas_login_failure (
    kind          VARCHAR NOT NULL,
    key_hash      VARCHAR NOT NULL,
    failures      INTEGER NOT NULL,
    last_failure  TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ,
    PRIMARY KEY (kind, key_hash)
);

-- The atlas's data-protection keys (ASP.NET Core's key ring as XML): they sign and encrypt login cookies, so every
-- instance must hold the same ones. Secret: only the writer and the atlas's role may read them.
CREATE TABLE atlas_key (
    name      VARCHAR NOT NULL PRIMARY KEY,
    xml       VARCHAR NOT NULL,
    added_at  TIMESTAMPTZ NOT NULL
);
