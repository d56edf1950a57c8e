-- PostgreSQL. Schema version 10: ONS mid-year population estimates by local authority district, every year (a yearly denominator
-- for districts, partnerships and force areas; a merged council's estimate covers its former districts together).
CREATE TABLE district_population (
    district_code VARCHAR COLLATE "C" NOT NULL,
    district_name VARCHAR COLLATE "C" NOT NULL,
    year          INTEGER NOT NULL,
    population    DOUBLE PRECISION NOT NULL
);
