-- Schema version 1: data.police.uk street and outcomes records, and the import ledger.

-- One row per applied migration: the store's schema version is the highest.
CREATE TABLE csa_schema (
    version     INTEGER PRIMARY KEY,
    applied_at  TIMESTAMPTZ NOT NULL,
    csa_version VARCHAR NOT NULL
);

-- Every file imported, with its checksum: what the store holds and where it came from.
-- data.police.uk files are keyed by (kind, force, month): a re-import replaces the row.
CREATE TABLE import_file (
    kind        VARCHAR NOT NULL,
    force       VARCHAR,
    month       DATE,
    source_name VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    bytes       BIGINT NOT NULL,
    row_count   BIGINT NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL
);

-- Street files: crimes and anti-social behaviour (is_asb), as published.
CREATE TABLE street_record (
    force                 VARCHAR NOT NULL,
    month                 DATE NOT NULL,
    crime_id              VARCHAR,
    reported_by           VARCHAR NOT NULL,
    falls_within          VARCHAR NOT NULL,
    longitude             DOUBLE,
    latitude              DOUBLE,
    location              VARCHAR NOT NULL,
    lsoa_code             VARCHAR,
    lsoa_name             VARCHAR,
    crime_type            VARCHAR NOT NULL,
    is_asb                BOOLEAN NOT NULL,
    last_outcome_category VARCHAR,
    context               VARCHAR
);

-- Outcomes files: an outcome reached in a month for a crime of that or an earlier month.
CREATE TABLE outcome_event (
    force        VARCHAR NOT NULL,
    month        DATE NOT NULL,
    crime_id     VARCHAR NOT NULL,
    outcome_type VARCHAR NOT NULL
);

-- The latest outcome of each crime: the outcome of the latest month from the outcomes files when there
-- is one (two outcomes in the same month: the alphabetically last, so that the answer never varies),
-- else the street file's Last outcome category.
CREATE VIEW crime_latest_outcome AS
SELECT s.force, s.month, s.crime_id, s.crime_type,
       coalesce(o.outcome_type, s.last_outcome_category) AS latest_outcome,
       CASE WHEN o.outcome_type IS NULL THEN s.month ELSE o.month END AS outcome_month
FROM street_record s
LEFT JOIN (
    SELECT crime_id,
           arg_max(outcome_type, strftime(month, '%Y%m') || outcome_type) AS outcome_type,
           max(month) AS month
    FROM outcome_event
    GROUP BY crime_id
) o ON o.crime_id = s.crime_id
WHERE NOT s.is_asb;
