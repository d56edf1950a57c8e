using Csa.Statistics;

namespace Csa.Analysis.Places;

/// <summary>The atlas's analyses as result tables, for <c>csa hotspots</c> and <c>csa pyramid</c> and their csv/xlsx/json files.</summary>
public static class PlaceTables
{
    /// <summary>One row per LSOA: its count, rate, neighbours, Gi* z, p values and class.</summary>
    public static ResultTable Hotspots(HotspotSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var rows = set.Places.Select(p => (IReadOnlyList<object?>)
        [
            p.Code, p.Name, p.Crimes, Math.Round(p.RatePerThousand, 2), (long)p.Neighbours,
            Round(p.Statistic.Z), Round(p.Statistic.PValue), Round(p.Statistic.DecisionPValue), Describe(p.Statistic.Class),
        ]).ToList();
        var hot = set.Places.Count(p => p.Statistic.Class > HotspotClass.NotSignificant);
        var cold = set.Places.Count(p => p.Statistic.Class < HotspotClass.NotSignificant);
        return ResultTable.Create(
            $"{set.Area.Describe()}: {set.Category} hot spots, {set.Period} (Getis-Ord Gi* on LSOA rates per 1,000): {hot} hot and {cold} cold of {set.Places.Count} LSOAs",
            ["LSOA", "Name", "Crimes", "Rate per 1,000", "Neighbours", "Gi* z", "p", set.FalseDiscoveryRate ? "p (FDR adjusted)" : "p used", "Class"],
            rows,
            set.Notes);
    }

    /// <summary>One row per age band: victims and offenders by sex.</summary>
    public static ResultTable Pyramid(AgeSexPyramidSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var rows = set.Victims.Zip(set.Offenders, (v, o) => (IReadOnlyList<object?>)
            [v.Band, v.Female, v.Male, v.UnknownSex, o.Female, o.Male, o.UnknownSex]).ToList();
        var marker = set.Marker is null ? "all crimes" : $"crimes marked {Core.Classification.Markers.All[set.Marker]}";
        return ResultTable.Create(
            $"{set.Area.Describe()}: victims and offenders by age and sex, {marker}, {set.Period}{(set.IsSynthetic ? " (SYNTHETIC DATA)" : "")}",
            ["Age", "Victims female", "Victims male", "Victims sex not known", "Offenders female", "Offenders male", "Offenders sex not known"],
            rows,
            set.Notes);
    }

    /// <summary>A class in words: "Hot spot (99%)", "Cold spot (90%)" or "Not significant".</summary>
    public static string Describe(HotspotClass hotspot) => hotspot switch
    {
        HotspotClass.Hot99 => "Hot spot (99%)",
        HotspotClass.Hot95 => "Hot spot (95%)",
        HotspotClass.Hot90 => "Hot spot (90%)",
        HotspotClass.Cold90 => "Cold spot (90%)",
        HotspotClass.Cold95 => "Cold spot (95%)",
        HotspotClass.Cold99 => "Cold spot (99%)",
        _ => "Not significant",
    };

    static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
}
