-- Schema version 6: area boundaries, simplified for the web (GeoJSON geometry text, WGS84).

CREATE TABLE boundary (
    code              VARCHAR NOT NULL,
    name              VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,
    vintage           VARCHAR NOT NULL,
    geojson           VARCHAR NOT NULL,
    vertices          INTEGER NOT NULL,
    original_vertices INTEGER NOT NULL
);
