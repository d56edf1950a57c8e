-- PostgreSQL. Schema version 9: the Home Office's police recorded crime tables (csa import prc), force and partnership level.

-- One count of one offence code for one area and quarter, as the release held for that quarter publishes it.
CREATE TABLE recorded_crime (
    level               VARCHAR COLLATE "C" NOT NULL,  -- force | partnership
    area_name           VARCHAR COLLATE "C" NOT NULL,  -- as published (renamed bodies under their current name)
    area_code           VARCHAR COLLATE "C",           -- the ONS code matched through the held lookups; NULL for national bodies and unmatched names
    financial_year      INTEGER NOT NULL,  -- the calendar year the financial year starts in (2019 = 2019/20)
    quarter             INTEGER NOT NULL,  -- 1 (April-June) to 4 (January-March)
    offence_code        VARCHAR COLLATE "C" NOT NULL,
    offence_description VARCHAR COLLATE "C" NOT NULL,
    offence_group       VARCHAR COLLATE "C" NOT NULL,
    offence_subgroup    VARCHAR COLLATE "C" NOT NULL,
    count               BIGINT NOT NULL    -- negative for an adjustment, as published
);

-- Which release each area's quarter is held from: a newer release replaces an older one, never the reverse.
CREATE TABLE recorded_crime_quarter (
    level          VARCHAR COLLATE "C" NOT NULL,
    area_name      VARCHAR COLLATE "C" NOT NULL,
    financial_year INTEGER NOT NULL,
    quarter        INTEGER NOT NULL,
    release        TIMESTAMPTZ NOT NULL,
    source_file    VARCHAR COLLATE "C" NOT NULL,
    total          BIGINT NOT NULL
);
