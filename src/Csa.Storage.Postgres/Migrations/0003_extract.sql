-- PostgreSQL. Schema version 3: record-level crime extracts of a police force, with their markers.

-- One row per crime reference: a re-import of a reference replaces its row.
-- ward_code and district_code are placed through the held lookups when the extract is imported.
CREATE TABLE extract_crime (
    crime_ref       VARCHAR COLLATE "C" NOT NULL,
    recorded_date   DATE NOT NULL,
    recorded_month  DATE NOT NULL,
    offence_code    VARCHAR COLLATE "C" NOT NULL,
    lsoa_code       VARCHAR COLLATE "C",
    ward_code       VARCHAR COLLATE "C" NOT NULL,
    district_code   VARCHAR COLLATE "C" NOT NULL,
    longitude       DOUBLE PRECISION,
    latitude        DOUBLE PRECISION,
    victim_age      INTEGER,
    victim_sex      VARCHAR COLLATE "C" NOT NULL,
    offender_age    INTEGER,
    offender_sex    VARCHAR COLLATE "C" NOT NULL,
    victim_supports BOOLEAN,
    source_name     VARCHAR COLLATE "C" NOT NULL,
    source_line     INTEGER NOT NULL
);

-- The markers each crime carries (domestic-abuse, child-sexual-exploitation, ...).
CREATE TABLE extract_marker (
    crime_ref VARCHAR COLLATE "C" NOT NULL,
    marker    VARCHAR COLLATE "C" NOT NULL
);
