-- PostgreSQL. Schema version 4: population estimates and partner series.

-- ONS mid-year population estimates by LSOA (2011 or 2021 codes) and year.
CREATE TABLE population (
    lsoa_code  VARCHAR COLLATE "C" NOT NULL,
    year       INTEGER NOT NULL,
    population DOUBLE PRECISION NOT NULL
);

-- Monthly counts from partners (ambulance call-outs, A&E attendances, council ASB), by name and area.
CREATE TABLE partner_series (
    name      VARCHAR COLLATE "C" NOT NULL,
    area_code VARCHAR COLLATE "C" NOT NULL,
    month     DATE NOT NULL,
    count     BIGINT NOT NULL
);
