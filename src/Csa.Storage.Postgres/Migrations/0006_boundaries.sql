-- PostgreSQL. Schema version 6: area boundaries, simplified for the web (GeoJSON geometry text, WGS84).

CREATE TABLE boundary (
    code              VARCHAR COLLATE "C" NOT NULL,
    name              VARCHAR COLLATE "C" NOT NULL,
    kind              VARCHAR COLLATE "C" NOT NULL,
    vintage           VARCHAR COLLATE "C" NOT NULL,
    geojson           VARCHAR COLLATE "C" NOT NULL,
    vertices          INTEGER NOT NULL,
    original_vertices INTEGER NOT NULL
);
