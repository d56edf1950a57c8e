namespace Csa.Core.Geography;

/// <summary>An area's boundary, simplified for the web, as GeoJSON geometry text (WGS84 longitude/latitude).</summary>
/// <param name="Code">The area's ONS code (E05…, E01…, E07…).</param>
/// <param name="Name">The area's name.</param>
/// <param name="Kind">ward, lsoa11, lsoa21 or district, from the file's code property.</param>
/// <param name="Vintage">The code property that gave the code (WD25CD, LSOA11CD…).</param>
/// <param name="GeoJson">The simplified geometry, as a GeoJSON geometry object.</param>
/// <param name="Vertices">Its number of vertices after simplification.</param>
/// <param name="OriginalVertices">Its number of vertices as published.</param>
public sealed record Boundary(string Code, string Name, string Kind, string Vintage, string GeoJson, int Vertices, int OriginalVertices);
