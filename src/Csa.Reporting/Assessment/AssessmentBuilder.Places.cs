using System.Globalization;
using Csa.Analysis.Places;
using Csa.Analysis;
using Csa.Core.Geography;
using Csa.Core.PoliceUk;
using Csa.Core;
using Csa.Reporting.Charts;
using Csa.Statistics;

namespace Csa.Reporting.Assessment;

public sealed partial class AssessmentBuilder
{
    const string StreetSource = "Source: data.police.uk street-level data (Open Government Licence v3.0)";

    /// <summary>A section built only when its data are held: otherwise one line that says what is not held.</summary>
    static async Task<IReadOnlyList<ReportBlock>> OrLeftOutAsync(Func<Task<IReadOnlyList<ReportBlock>>> build)
    {
        try
        {
            return await build().ConfigureAwait(false);
        }
        catch (CsaQueryException e)
        {
            return [new ParagraphBlock($"Left out: {e.Message}")];
        }
    }

    /// <summary>Anti-social behaviour, apart from crime: its monthly trend, the later period against the earlier like for like,
    /// and its wards.</summary>
    async Task<IReadOnlyList<ReportBlock>> AntiSocialBehaviourAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var trend = c.Config.Periods.Trend is { } text ? Period.Parse(text) : null;
        var (months, notes, coverage) = await analyses.AntiSocialBehaviour.BuildAsync(c.Area, trend, cancellationToken).ConfigureAwait(false);
        c.Sources.Counted(coverage, [.. months.Select(m => m.Month), .. c.Earlier.Months, .. c.Later.Months]);
        c.Figures++;
        var chart = ChartMaker.MonthlyTrend(
            $"figure-{c.Figures}", $"Anti-social behaviour in {c.Area.Name} by month", [.. months.Select(m => m.Month.ToString())],
            [.. months.Select(m => (double?)m.Incidents)], "Incidents", $"{StreetSource}; anti-social behaviour, apart from crime");

        // Like for like: the k-th month of each period, where both are held.
        var pairs = c.Earlier.Months.Zip(c.Later.Months).Where(p => coverage.IsHeld(p.First) && coverage.IsHeld(p.Second)).ToArray();
        var counts = pairs.Length == 0
            ? null
            : await analyses.AntiSocialBehaviour.CountByMonthAsync(c.Area, Period.Create(c.Earlier.From, c.Later.To), cancellationToken).ConfigureAwait(false);
        var blocks = new List<ReportBlock> { new ChartBlock(chart, $"Figure {c.Figures}: anti-social behaviour incidents in {c.Area.Name} by month, with their linear trend.") };
        if (counts is not null)
        {
            var (before, after) = (pairs.Sum(p => counts.GetValueOrDefault(p.First)), pairs.Sum(p => counts.GetValueOrDefault(p.Second)));
            var test = PoissonComparison.Test(before, after);
            var like = pairs.Length < c.Later.MonthCount ? $", like for like over the {pairs.Length} months held in both" : string.Empty;
            blocks.Add(new ParagraphBlock(string.Create(
                CultureInfo.InvariantCulture,
                $"There were {after:N0} anti-social behaviour incidents in {c.Area.Name} in {Label(c.Later)} against {before:N0} in {Label(c.Earlier)}{like} ({FormattedNumber.PercentChange(before, after).Text}; {test.Describe()}). Anti-social behaviour is counted apart: no crime figure in this document includes it.")));
        }

        var wards = await analyses.Places.BuildAsync(c.Area, c.Later, PoliceUkCrimeTypes.AntiSocialBehaviour, PlaceLevel.Ward, cancellationToken).ConfigureAwait(false);
        blocks.Add(new TableBlock("asb-wards", WardTable(wards, "Incidents", $"Anti-social behaviour by ward, {Label(c.Later)}, most incidents first")));
        blocks.Add(new TableBlock("asb-months", ResultTable.Create(
            $"Anti-social behaviour in {c.Area.Name} by month",
            ["Month", "Incidents"],
            [.. months.Select(m => (IReadOnlyList<object?>)[m.Month.ToString(), m.Incidents])],
            notes), InHtml: false));
        return blocks;
    }

    /// <summary>Places: the theme's category by ward (a table and a map), and its Getis-Ord Gi* hot spots by LSOA.</summary>
    async Task<IReadOnlyList<ReportBlock>> PlacesAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var category = StreetCategoryOf(c);
        var wards = await analyses.Places.BuildAsync(c.Area, c.Later, category, PlaceLevel.Ward, cancellationToken).ConfigureAwait(false);
        var coverage = await analyses.StreetCoverageAsync(c.Area, cancellationToken).ConfigureAwait(false);
        c.Sources.Counted(coverage, c.Later.Months);
        var blocks = new List<ReportBlock>();
        var boundaries = (await analyses.BoundariesAsync("ward", [.. wards.Places.Select(p => p.Code)], cancellationToken).ConfigureAwait(false)).ToDictionary(b => b.Code, StringComparer.Ordinal);
        if (wards.Places.Count > 0 && wards.Places.All(p => boundaries.ContainsKey(p.Code)))
        {
            c.Figures++;
            var map = ChartMaker.Choropleth(
                $"figure-{c.Figures}", $"{category} per 1,000 residents by ward, {Label(c.Later)}",
                [.. wards.Places.Select(p => (p.Name, boundaries[p.Code].GeoJson, p.Rate?.Value))], "Rate per 1,000", StreetSource);
            blocks.Add(new ChartBlock(map, $"Figure {c.Figures}: {category.ToLowerInvariant()} per 1,000 residents in each ward of {c.Area.Name}, {Label(c.Later)}, in fifths (darker is higher)."));
        }
        else
        {
            blocks.Add(new ParagraphBlock($"No map: the ward boundaries of {c.Area.Name} are not held (csa import boundaries FILE)."));
        }

        blocks.Add(new TableBlock("places-wards", WardTable(wards, "Crimes", $"{category} by ward, {Label(c.Later)}, highest rate first", byRate: true)));
        blocks.AddRange(await OrLeftOutAsync(async () =>
        {
            var set = await analyses.Hotspots.BuildAsync(c.Area, c.Later, category, falseDiscoveryRate: true, cancellationToken).ConfigureAwait(false);
            var table = PlaceTables.Hotspots(set);
            var significant = table with { Rows = [.. table.Rows.Where(r => !Equals(r[8], PlaceTables.Describe(HotspotClass.NotSignificant)))] };
            var hot = set.Places.Count(p => p.Statistic.Class > HotspotClass.NotSignificant);
            var cold = set.Places.Count(p => p.Statistic.Class < HotspotClass.NotSignificant);
            IReadOnlyList<ReportBlock> result =
            [
                new ParagraphBlock($"Hot spots: {hot} of {set.Places.Count} LSOAs are hot spots and {cold} cold spots of {category.ToLowerInvariant()} (Getis-Ord Gi* on rates per 1,000, with the false discovery rate controlled across all {set.Places.Count} tests: testing every LSOA at once would otherwise find some by chance). The table lists them; every LSOA is in the workbook."),
                new TableBlock("places-hotspots", significant),
                new TableBlock("places-hotspots-all", table, InHtml: false),
            ];
            return result;
        }).ConfigureAwait(false));
        return blocks;
    }

    /// <summary>The data.police.uk type the theme's category counts (the map and hot spots are of street data); all crime when
    /// the category is not one street type.</summary>
    static string StreetCategoryOf(BuildContext c)
    {
        var types = c.Tree.Require(c.Config.Theme.Category).PoliceUkTypes;
        return types.Count == 1 && StreetCategory.IsKnown(types.First()) ? types.First() : StreetCategory.AllCrime;
    }

    static ResultTable WardTable(PlaceIndicatorSet set, string counted, string title, bool byRate = false)
    {
        var ordered = byRate ? set.Places.OrderByDescending(p => p.Rate?.Value ?? -1).ThenByDescending(p => p.Crimes) : set.Places.OrderByDescending(p => p.Crimes);
        return ResultTable.Create(
            title,
            ["Ward", counted, "Rate per 1,000", "Lower 95%", "Upper 95%"],
            [.. ordered.Select(p => (IReadOnlyList<object?>)[p.Name, p.Crimes, Round(p.Rate?.Value, 1), Round(p.Rate?.Interval.Lower, 1), Round(p.Rate?.Interval.Upper, 1)])],
            set.Notes);
    }
}
