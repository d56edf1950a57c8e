-- PostgreSQL. Schema version 7: accounts of the restricted atlas (csa user add).

CREATE TABLE atlas_user (
    name            VARCHAR COLLATE "C" NOT NULL,
    password_hash   VARCHAR COLLATE "C" NOT NULL,
    failed_attempts INTEGER NOT NULL,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL
);
