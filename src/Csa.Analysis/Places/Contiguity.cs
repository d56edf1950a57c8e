using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;

namespace Csa.Analysis.Places;

/// <summary>Which places are neighbours: queen contiguity (sharing an edge or a corner) between boundaries.</summary>
/// <remarks>
/// Boundaries are simplified one by one on import, so shared edges no longer meet exactly: two places are
/// neighbours when they come within <see cref="Tolerance"/> degrees of each other (0.0001° ≈ 10 m, the import's
/// default simplification tolerance). On Huntingdonshire's 105 LSOAs this gives exactly the neighbours of the
/// published boundaries (tested); twice the tolerance adds two corner pairs that do not touch.
/// Candidate pairs come from an STR-tree of envelopes.
/// </remarks>
public static class Contiguity
{
    /// <summary>How close two boundaries must come, in degrees, to count as touching.</summary>
    public const double Tolerance = 0.0001;

    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The neighbours of each place, by index, from GeoJSON geometries.</summary>
    public static IReadOnlyList<IReadOnlyCollection<int>> QueenNeighbours(IReadOnlyList<string> geoJsonGeometries)
    {
        ArgumentNullException.ThrowIfNull(geoJsonGeometries);
        var geometries = geoJsonGeometries.Select(g => JsonSerializer.Deserialize<Geometry>(g, GeoJson)
            ?? throw new ArgumentException("A boundary has no geometry.", nameof(geoJsonGeometries))).ToArray();
        return QueenNeighbours(geometries);
    }

    /// <summary>The neighbours of each place, by index.</summary>
    public static IReadOnlyList<IReadOnlyCollection<int>> QueenNeighbours(IReadOnlyList<Geometry> geometries)
    {
        ArgumentNullException.ThrowIfNull(geometries);
        var tree = new STRtree<int>();
        for (var i = 0; i < geometries.Count; i++)
        {
            var envelope = geometries[i].EnvelopeInternal.Copy();
            envelope.ExpandBy(Tolerance);
            tree.Insert(envelope, i);
        }

        var neighbours = geometries.Select(_ => new SortedSet<int>()).ToArray();
        for (var i = 0; i < geometries.Count; i++)
        {
            foreach (var j in tree.Query(geometries[i].EnvelopeInternal))
            {
                if (j > i && geometries[i].IsWithinDistance(geometries[j], Tolerance))
                {
                    neighbours[i].Add(j);
                    neighbours[j].Add(i);
                }
            }
        }

        return neighbours;
    }
}
