-- PostgreSQL. Schema version 2: ONS geography lookups, and the areas crimes aggregate to.

-- 2011 LSOA -> electoral ward -> local authority district (ONS LSOA11CD, WDyyCD, LADyyCD).
CREATE TABLE lsoa_ward_district (
    lsoa_code     VARCHAR COLLATE "C" NOT NULL,
    lsoa_name     VARCHAR COLLATE "C" NOT NULL,
    ward_code     VARCHAR COLLATE "C" NOT NULL,
    ward_name     VARCHAR COLLATE "C" NOT NULL,
    district_code VARCHAR COLLATE "C" NOT NULL,
    district_name VARCHAR COLLATE "C" NOT NULL
);

-- District -> Community Safety Partnership -> police force area (ONS LADyyCD, CSPyyCD, PFAyyCD).
CREATE TABLE district_hierarchy (
    district_code    VARCHAR COLLATE "C" NOT NULL,
    district_name    VARCHAR COLLATE "C" NOT NULL,
    partnership_code VARCHAR COLLATE "C" NOT NULL,
    partnership_name VARCHAR COLLATE "C" NOT NULL,
    force_area_code  VARCHAR COLLATE "C" NOT NULL,
    force_area_name  VARCHAR COLLATE "C" NOT NULL
);

-- 2011 LSOA -> 2021 LSOA (ONS LSOA11CD, LSOA21CD): data.police.uk moved to 2021 codes in June 2023.
CREATE TABLE lsoa_vintage_link (
    lsoa11_code VARCHAR COLLATE "C" NOT NULL,
    lsoa21_code VARCHAR COLLATE "C" NOT NULL,
    lsoa21_name VARCHAR COLLATE "C" NOT NULL
);

-- Any LSOA code a street record may carry (2011, or 2021-only) -> ward and district.
-- Rebuilt by every geography import. A 2021 code that is not also a 2011 code reaches its ward through
-- the 2011 LSOA it came from; where several 2011 LSOAs merged into it, the lowest 2011 code is used.
CREATE TABLE lsoa_area (
    lsoa_code     VARCHAR COLLATE "C" NOT NULL,
    vintage       VARCHAR COLLATE "C" NOT NULL,
    ward_code     VARCHAR COLLATE "C" NOT NULL,
    ward_name     VARCHAR COLLATE "C" NOT NULL,
    district_code VARCHAR COLLATE "C" NOT NULL,
    district_name VARCHAR COLLATE "C" NOT NULL
);

-- Every area that --area can name.
CREATE VIEW area AS
SELECT DISTINCT ward_code AS code, ward_name AS name, 'ward' AS level, district_name AS parent_name FROM lsoa_ward_district
UNION ALL
SELECT DISTINCT district_code, district_name, 'district', NULL FROM lsoa_ward_district
UNION ALL
SELECT DISTINCT partnership_code, partnership_name, 'partnership', NULL FROM district_hierarchy
UNION ALL
SELECT DISTINCT force_area_code, force_area_name, 'force_area', NULL FROM district_hierarchy;

CREATE INDEX lsoa_area_lsoa ON lsoa_area (lsoa_code);
CREATE INDEX lsoa_ward_district_lsoa ON lsoa_ward_district (lsoa_code);
