using System.Globalization;
using nietras.SeparatedValues;

namespace Csa.Analysis.Rates;

/// <summary>One indicator a most similar group can be proposed on.</summary>
/// <param name="Key">Its name on the command line.</param>
/// <param name="Label">What it is, for notes.</param>
public sealed record Indicator(string Key, string Label);

/// <summary>Census 2021 indicators of every district (April 2021 boundaries), built in: the kinds of variable the Home Office
/// built its most similar groups from, and ONS's own "similar areas" neighbours to compare a proposed group with.</summary>
/// <remarks>An area made of several districts (a partnership) gets its districts' values combined: density as residents over
/// area, household shares weighted by households, the others by residents. A value a district lacks (IMD for Wales and the
/// councils formed after 2019) leaves the area without that indicator.</remarks>
public sealed class CensusIndicators
{
    /// <summary>The indicators, in their default order (all are used unless fewer are asked for).</summary>
    public static IReadOnlyList<Indicator> All { get; } =
    [
        new("density", "population density (log10 residents per km², Census 2021)"),
        new("young-adults", "share of residents aged 16–24"),
        new("one-person", "share of households of one person"),
        new("lone-parent", "share of households of a lone parent"),
        new("students", "share of residents 16 and over in full-time study"),
        new("deprivation", "IMD 2019 average score"),
        new("rurality", "share living in rural areas, hub towns included (RUC2011)"),
    ];

    /// <summary>Where the values come from, for notes.</summary>
    public const string Source = "ONS Census 2021 district tables, IMD 2019 and RUC2011, built into csa (data/sample/indicators)";

    readonly Dictionary<string, District> _districts;
    readonly Dictionary<string, string[]> _onsNeighbours;

    CensusIndicators(Dictionary<string, District> districts, Dictionary<string, string[]> onsNeighbours)
    {
        _districts = districts;
        _onsNeighbours = onsNeighbours;
    }

    /// <summary>The built-in tables.</summary>
    public static CensusIndicators BuiltIn()
    {
        var districts = new Dictionary<string, District>(StringComparer.Ordinal);
        using (var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromText(Resource("lad21-census2021-indicators.csv")))
        {
            var header = reader.Header;
            foreach (var row in reader)
            {
                var cells = header.ColNames.ToDictionary(n => n, n => string.Empty, StringComparer.Ordinal);
                foreach (var name in header.ColNames)
                {
                    cells[name] = row[name].ToString();
                }

                double? Number(string column) => double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
                var code = cells["lad21cd"];
                districts[code] = new District(
                    code,
                    cells["lad21nm"],
                    Number("census2021_usual_residents") ?? 0,
                    Number("area_sqkm") ?? 0,
                    Number("households") ?? 0,
                    Number("pct_aged_16_24"),
                    Number("pct_hh_one_person"),
                    Number("pct_hh_lone_parent"),
                    Number("pct_16plus_fulltime_students"),
                    Number("imd2019_avg_score"),
                    Number("ruc2011_pct_rural_incl_hub"));
            }
        }

        var neighbours = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using (var reader = Sep.New(',').Reader().FromText(Resource("ons-similar-areas-global-neighbours.csv")))
        {
            foreach (var row in reader)
            {
                var codes = new string[row.ColCount - 1];
                for (var i = 1; i < row.ColCount; i++)
                {
                    codes[i - 1] = row[i].ToString();
                }

                neighbours[row[0].ToString().Trim('\uFEFF')] = codes;
            }
        }

        return new CensusIndicators(districts, neighbours);
    }

    /// <summary>The values of <paramref name="indicators"/> for the area made of <paramref name="districts"/>, and the first
    /// indicator it lacks (with why), if any.</summary>
    public (double[]? Values, string? Missing) Values(IReadOnlyCollection<string> districts, IReadOnlyList<Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(indicators);
        var known = districts.Select(d => _districts.GetValueOrDefault(d)).ToArray();
        if (known.Length == 0 || known.Any(d => d is null))
        {
            var absent = districts.Where(d => !_districts.ContainsKey(d)).ToArray();
            return (null, absent.Length == 0 ? "no districts" : $"{string.Join(", ", absent)} not among the Census 2021 districts (a council merged since, or a code of another vintage)");
        }

        var parts = known!.Select(d => d!).ToArray();
        var values = new double[indicators.Count];
        for (var i = 0; i < indicators.Count; i++)
        {
            double? value = indicators[i].Key switch
            {
                "density" => Math.Log10(parts.Sum(d => d.Residents) / parts.Sum(d => d.AreaSqKm)),
                "young-adults" => Weighted(parts, d => d.YoungAdults, d => d.Residents),
                "one-person" => Weighted(parts, d => d.OnePerson, d => d.Households),
                "lone-parent" => Weighted(parts, d => d.LoneParent, d => d.Households),
                "students" => Weighted(parts, d => d.Students, d => d.Residents),
                "deprivation" => Weighted(parts, d => d.Deprivation, d => d.Residents),
                "rurality" => Weighted(parts, d => d.Rurality, d => d.Residents),
                var other => throw new ArgumentException($"Unknown indicator '{other}'.", nameof(indicators)),
            };
            if (value is not { } v || double.IsNaN(v) || double.IsInfinity(v))
            {
                return (null, indicators[i].Key switch
                {
                    "deprivation" => $"no {indicators[i].Label} (IMD 2019 covers England only, and predates the councils formed after 2019)",
                    "rurality" => $"no {indicators[i].Label} (the RUC2011 district classification covers England only)",
                    _ => $"no {indicators[i].Label} in the Census 2021 table",
                });
            }

            values[i] = v;
        }

        return (values, null);
    }

    /// <summary>ONS's nearest neighbours of a local authority on its global measure, nearest first (empty when it has none).</summary>
    public IReadOnlyList<string> OnsNeighbours(string code) => _onsNeighbours.GetValueOrDefault(code) ?? [];

    /// <summary>The indicators named by <paramref name="keys"/> (null or empty: all).</summary>
    /// <exception cref="Core.CsaQueryException">A key is not an indicator.</exception>
    public static IReadOnlyList<Indicator> Choose(IReadOnlyList<string>? keys)
    {
        if (keys is null || keys.Count == 0)
        {
            return All;
        }

        return [.. keys.Select(k => All.FirstOrDefault(i => i.Key.Equals(k.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new Core.CsaQueryException($"'{k}' is not an indicator: give some of {string.Join(", ", All.Select(i => i.Key))}."))
            .Distinct()];
    }

    static double? Weighted(IReadOnlyList<District> parts, Func<District, double?> value, Func<District, double> weight) =>
        parts.Any(p => value(p) is null) ? null : parts.Sum(p => value(p)!.Value * weight(p)) / parts.Sum(weight);

    static string Resource(string name)
    {
        using var stream = typeof(CensusIndicators).Assembly.GetManifestResourceStream($"Csa.Analysis.Indicators.{name}")
            ?? throw new InvalidOperationException($"The built-in table {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    sealed record District(string Code, string Name, double Residents, double AreaSqKm, double Households, double? YoungAdults, double? OnePerson, double? LoneParent, double? Students, double? Deprivation, double? Rurality);
}
