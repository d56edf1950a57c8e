-- PostgreSQL. Schema version 5: deprivation by LSOA, an indicator for proposing most similar groups.

-- English Index of Multiple Deprivation rank by 2011 LSOA (1 = most deprived).
CREATE TABLE deprivation (
    lsoa_code VARCHAR COLLATE "C" NOT NULL,
    imd_rank  INTEGER NOT NULL
);
