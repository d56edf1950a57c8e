-- Schema version 1 (PostgreSQL): data.police.uk street and outcomes records, and the import ledger.
-- The same tables, columns and meaning as the DuckDB store's version 1. Text is compared and sorted byte by byte
-- (COLLATE "C", as DuckDB does), so that both stores give rows in the same order whatever the server's locale.

-- One row per applied migration: the store's schema version is the highest.
CREATE TABLE csa_schema (
    version     INTEGER PRIMARY KEY,
    applied_at  TIMESTAMPTZ NOT NULL,
    csa_version VARCHAR COLLATE "C" NOT NULL
);

-- Every file imported, with its checksum: what the store holds and where it came from.
-- data.police.uk files are keyed by (kind, force, month): a re-import replaces the row.
CREATE TABLE import_file (
    kind        VARCHAR COLLATE "C" NOT NULL,
    force       VARCHAR COLLATE "C",
    month       DATE,
    source_name VARCHAR COLLATE "C" NOT NULL,
    sha256      VARCHAR COLLATE "C" NOT NULL,
    bytes       BIGINT NOT NULL,
    row_count   BIGINT NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL
);

-- Street files: crimes and anti-social behaviour (is_asb), as published.
CREATE TABLE street_record (
    force                 VARCHAR COLLATE "C" NOT NULL,
    month                 DATE NOT NULL,
    crime_id              VARCHAR COLLATE "C",
    reported_by           VARCHAR COLLATE "C" NOT NULL,
    falls_within          VARCHAR COLLATE "C" NOT NULL,
    longitude             DOUBLE PRECISION,
    latitude              DOUBLE PRECISION,
    location              VARCHAR COLLATE "C" NOT NULL,
    lsoa_code             VARCHAR COLLATE "C",
    lsoa_name             VARCHAR COLLATE "C",
    crime_type            VARCHAR COLLATE "C" NOT NULL,
    is_asb                BOOLEAN NOT NULL,
    last_outcome_category VARCHAR COLLATE "C",
    context               VARCHAR COLLATE "C"
);

-- Outcomes files: an outcome reached in a month for a crime of that or an earlier month.
CREATE TABLE outcome_event (
    force        VARCHAR COLLATE "C" NOT NULL,
    month        DATE NOT NULL,
    crime_id     VARCHAR COLLATE "C" NOT NULL,
    outcome_type VARCHAR COLLATE "C" NOT NULL
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
    SELECT DISTINCT ON (crime_id) crime_id, outcome_type, month
    FROM outcome_event
    ORDER BY crime_id, month DESC, outcome_type DESC
) o ON o.crime_id = s.crime_id
WHERE NOT s.is_asb;

-- A re-import deletes by force and month, and most questions ask for a range of months: records arrive month by month,
-- so a BRIN index (a few bytes per block range, nearly free to keep up during a COPY) finds them. The latest-outcome
-- view joins outcomes by crime.
CREATE INDEX street_record_month_force ON street_record USING brin (month, force);
CREATE INDEX outcome_event_month_force ON outcome_event USING brin (month, force);
CREATE INDEX outcome_event_crime ON outcome_event (crime_id);
