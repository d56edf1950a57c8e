using System.Text.Json;
using System.Text.RegularExpressions;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Ingest.Internal;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Simplify;

namespace Csa.Ingest.Boundaries;

/// <summary>Reads ONS boundary GeoJSON (longitude/latitude) and simplifies it for the web.</summary>
/// <remarks>
/// The area's code comes from the first property named like <c>WDyyCD</c>, <c>LSOA11CD</c>, <c>LSOA21CD</c> or
/// <c>LADyyCD</c>, and its name from the matching <c>…NM</c>. Each polygon is simplified with a
/// topology-preserving simplifier (default tolerance 0.0001°, about 10 m) and its coordinates rounded to
/// 6 decimals; a geometry that is not a valid polygon is an error naming the feature.
/// </remarks>
public static partial class BoundaryReader
{
    /// <summary>The default simplification tolerance, in degrees (about 10 m in England).</summary>
    public const double DefaultTolerance = 0.0001;

    static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Reads and simplifies every feature of the file.</summary>
    /// <exception cref="CsaImportException">Not GeoJSON, no code property, or a bad feature.</exception>
    public static async Task<(IReadOnlyList<Boundary> Boundaries, SourceFile Source)> ReadAsync(string path, double tolerance = DefaultTolerance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (text, source) = await InputFile.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        FeatureCollection features;
        try
        {
            features = JsonSerializer.Deserialize<FeatureCollection>(text, GeoJson) ?? throw new JsonException("no feature collection");
        }
        catch (JsonException e)
        {
            throw new CsaImportException([new ImportIssue(path, (int)(e.LineNumber ?? -1) + 1, $"not GeoJSON: {e.Message}")]);
        }

        var issues = new List<ImportIssue>();
        var boundaries = new List<Boundary>();
        var reducer = new NetTopologySuite.Precision.GeometryPrecisionReducer(new PrecisionModel(1e6));
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            var names = feature.Attributes?.GetNames() ?? [];
            var codeProperty = names.FirstOrDefault(n => CodeProperty().IsMatch(n));
            if (codeProperty is null)
            {
                issues.Add(new ImportIssue(path, 0, $"feature {i + 1} has no code property (WDyyCD, LSOA11CD, LSOA21CD or LADyyCD): it has {string.Join(", ", names)}"));
                continue;
            }

            var code = feature.Attributes![codeProperty]?.ToString()?.Trim() ?? string.Empty;
            var nameProperty = codeProperty[..^2] + "NM";
            var name = names.Contains(nameProperty) ? feature.Attributes[nameProperty]?.ToString()?.Trim() ?? code : code;
            if (feature.Geometry is not (Polygon or MultiPolygon) || !feature.Geometry.IsValid)
            {
                issues.Add(new ImportIssue(path, 0, $"feature {i + 1} ({code}) is not a valid polygon"));
                continue;
            }

            var simplified = reducer.Reduce(TopologyPreservingSimplifier.Simplify(feature.Geometry, tolerance));
            boundaries.Add(new Boundary(code, name, Kind(codeProperty), codeProperty, JsonSerializer.Serialize<Geometry>(simplified, GeoJson), simplified.NumPoints, feature.Geometry.NumPoints));
        }

        foreach (var repeated in boundaries.GroupBy(b => b.Code).Where(g => g.Count() > 1))
        {
            issues.Add(new ImportIssue(path, 0, $"{repeated.Key} has {repeated.Count()} features"));
        }

        return issues.Count > 0 ? throw new CsaImportException(issues) : (boundaries, source);
    }

    static string Kind(string codeProperty) => codeProperty switch
    {
        "LSOA11CD" => "lsoa11",
        "LSOA21CD" => "lsoa21",
        _ when codeProperty.StartsWith("WD", StringComparison.Ordinal) => "ward",
        _ => "district",
    };

    [GeneratedRegex(@"^(WD\d\dCD|LSOA11CD|LSOA21CD|LAD\d\dCD)$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeProperty();
}
