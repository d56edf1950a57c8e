-- Schema version 3: record-level crime extracts of a police force, with their markers.

-- One row per crime reference: a re-import of a reference replaces its row.
-- ward_code and district_code are placed through the held lookups when the extract is imported.
CREATE TABLE extract_crime (
    crime_ref       VARCHAR NOT NULL,
    recorded_date   DATE NOT NULL,
    recorded_month  DATE NOT NULL,
    offence_code    VARCHAR NOT NULL,
    lsoa_code       VARCHAR,
    ward_code       VARCHAR NOT NULL,
    district_code   VARCHAR NOT NULL,
    longitude       DOUBLE,
    latitude        DOUBLE,
    victim_age      INTEGER,
    victim_sex      VARCHAR NOT NULL,
    offender_age    INTEGER,
    offender_sex    VARCHAR NOT NULL,
    victim_supports BOOLEAN,
    source_name     VARCHAR NOT NULL,
    source_line     INTEGER NOT NULL
);

-- The markers each crime carries (domestic-abuse, child-sexual-exploitation, ...).
CREATE TABLE extract_marker (
    crime_ref VARCHAR NOT NULL,
    marker    VARCHAR NOT NULL
);
