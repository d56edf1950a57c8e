-- PostgreSQL. Schema version 11: what the atlas's instances share through the store.
-- Failed logins by account name and by client address, each held as a hash (never the name or address itself), so
-- that throttling and lockout hold across every instance of the atlas.
CREATE TABLE atlas_login_failure (
    kind          VARCHAR COLLATE "C" NOT NULL,
    key_hash      VARCHAR COLLATE "C" NOT NULL,
    failures      INTEGER NOT NULL,
    last_failure  TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ,
    PRIMARY KEY (kind, key_hash)
);

-- The atlas's data-protection keys (ASP.NET Core's key ring as XML): they sign and encrypt login cookies, so every
-- instance must hold the same ones. Secret: only the writer and the atlas's role may read them (csa store grant).
CREATE TABLE atlas_key (
    name      VARCHAR COLLATE "C" NOT NULL PRIMARY KEY,
    xml       VARCHAR COLLATE "C" NOT NULL,
    added_at  TIMESTAMPTZ NOT NULL
);
