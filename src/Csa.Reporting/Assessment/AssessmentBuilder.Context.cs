using Csa.Analysis;
using Csa.Analysis.Comparison;
using Csa.Analysis.Harm;
using Csa.Analysis.Official;
using Csa.Analysis.Places;
using Csa.Core;

namespace Csa.Reporting.Assessment;

public sealed partial class AssessmentBuilder
{
    /// <summary>Recording practice: the share of the theme's crimes recorded although the victim did not support it, in the two
    /// periods (a local extract's victim-support field).</summary>
    async Task<IReadOnlyList<ReportBlock>> RecordingAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var table = await analyses.Recording.BuildAsync(c.Area, c.Tree, c.Config.Theme.Category, c.Earlier, c.Later, [], cancellationToken).ConfigureAwait(false);
        c.Sources.Counted(c.Comparison?.Coverage, [.. c.Earlier.Months, .. c.Later.Months]);
        return [new TableBlock("recording", table)];
    }

    /// <summary>Victims and offenders of the later period's crimes by age band and sex (a local extract's person fields).</summary>
    async Task<IReadOnlyList<ReportBlock>> VictimsAndOffendersAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var set = await analyses.Pyramid.BuildAsync(c.Area, c.Later, null, cancellationToken).ConfigureAwait(false);
        c.Sources.Counted(c.Comparison?.Coverage, c.Later.Months);
        if (IsPublic)
        {
            return await PublicVictimsAndOffendersAsync(c, set, cancellationToken).ConfigureAwait(false);
        }

        var (victims, offenders) = (set.Victims.Where(b => b.Band != AgeSexPyramid.UnknownAge).ToArray(), set.Offenders.Where(b => b.Band != AgeSexPyramid.UnknownAge).ToArray());
        var words = victims.Length == 0 || offenders.Length == 0
            ? "No victim or offender of a known age is recorded."
            : $"The most victims of a known age are aged {victims.MaxBy(b => b.Female + b.Male + b.UnknownSex)!.Band}, the most offenders {offenders.MaxBy(b => b.Female + b.Male + b.UnknownSex)!.Band}. The partnership's own document only: ages and sexes of people are never published.";
        var source = $"Source: local police recorded crime extract{(set.IsSynthetic ? ". SYNTHETIC DATA." : string.Empty)}";
        var blocks = new List<ReportBlock> { new ParagraphBlock(words) };
        foreach (var (who, people) in new[] { ("Victims", victims), ("Offenders", offenders) }.Where(p => p.Item2.Length > 0))
        {
            c.Figures++;
            var chart = Charts.ChartMaker.Pyramid($"figure-{c.Figures}", $"{who} of crimes in {c.Area.Name}, {Label(c.Later)}, by age and sex", [.. people.Select(b => (b.Band, b.Female, b.Male))], source);
            blocks.Add(new ChartBlock(chart, $"Figure {c.Figures}: {who.ToLowerInvariant()} by age band and sex (people whose age is recorded; sex not recorded is in the table)."));
        }

        blocks.Add(new TableBlock("victims-offenders", PlaceTables.Pyramid(set)));
        return blocks;
    }

    /// <summary>Harm: the Crime Severity Score by financial year, from the Home Office tables for a force area or partnership, else
    /// from the local extract's offence codes.</summary>
    async Task<IReadOnlyList<ReportBlock>> HarmAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var weights = SeverityWeights.BuiltIn();
        var fromExtract = c.Comparison?.Coverage is not Analysis.Coverage.StreetCoverage && !IsPublic;
        (ResultTable ByYear, ResultTable ByGroup) tables;
        try
        {
            tables = await analyses.Severity.BuildAsync(c.Area, null, null, weights, fromExtract: false, cancellationToken).ConfigureAwait(false);
        }
        catch (CsaQueryException) when (fromExtract)
        {
            tables = await analyses.Severity.BuildAsync(c.Area, null, null, weights, fromExtract: true, cancellationToken).ConfigureAwait(false);
        }

        c.Sources.Counted(fromExtract ? c.Comparison?.Coverage : null, c.Later.Months);
        return [new TableBlock("harm", tables.ByYear), new TableBlock("harm-groups", tables.ByGroup, InHtml: false)];
    }

    /// <summary>Long-run rates: the theme's category per 1,000 residents by year over the years the data hold (financial years of
    /// a local extract, calendar years of street data), and the Home Office's own long run where its tables are held.</summary>
    async Task<IReadOnlyList<ReportBlock>> LongRunAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var street = c.Comparison?.Coverage is Analysis.Coverage.StreetCoverage;
        // Every year the data reach into, a part year marked partial (its rate over the months held); where the first and last of
        // those cannot be compared like for like, the whole years held.
        var span = c.Comparison?.Coverage?.Span;
        var query = new YearsQuery(c.Area, c.Tree, c.Config.Theme.Category, FinancialYears: !street, Rates: true);
        ResultTable years;
        try
        {
            years = await YearsWithRatesAsync(c, span is null ? query : street
                ? query with { From = span.From.Year, To = span.To.Year }
                : query with { From = FinancialYear.Of(span.From).StartYear, To = FinancialYear.Of(span.To).StartYear }, cancellationToken).ConfigureAwait(false);
        }
        catch (CsaQueryException) when (span is not null)
        {
            years = await YearsWithRatesAsync(c, query, cancellationToken).ConfigureAwait(false);
        }

        var held = years.Rows.Where(r => r[0] is string s && !s.Contains("change", StringComparison.OrdinalIgnoreCase)).Select(r => (string)r[0]!).ToArray();
        c.Sources.Counted(c.Comparison?.Coverage, held.Where(h => h.Length >= 4 && char.IsAsciiDigit(h[0])).SelectMany(h => YearMonths(h, calendar: street)));
        var blocks = new List<ReportBlock> { new TableBlock("long-run", years) };
        try
        {
            var homeOffice = await analyses.HomeOffice.BuildAsync(c.Area, HomeOfficeTree.Total, null, null, cancellationToken).ConfigureAwait(false);
            blocks.Add(new TableBlock("long-run-home-office", homeOffice));
        }
        catch (CsaQueryException e)
        {
            blocks.Add(new ParagraphBlock($"The Home Office's own long run is not shown: {e.Message}"));
        }

        return blocks;
    }

    /// <summary>The years with rates; where not every year has its own population estimate, one estimate (the nearest held to the
    /// later period, the later on a tie) for every year, which the table's notes name. No estimate at all: the error says so.</summary>
    async Task<ResultTable> YearsWithRatesAsync(BuildContext c, YearsQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return await analyses.Years.BuildAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (CsaQueryException e) when (e.Message.Contains("population estimate", StringComparison.OrdinalIgnoreCase))
        {
            var estimates = await analyses.PopulationYearsAsync(c.Area, cancellationToken).ConfigureAwait(false);
            if (Analysis.Rates.PopulationChoice.NearestHeldYear(estimates, c.Later.From.Year) is not { } year)
            {
                throw;
            }

            c.Sources.Population(year);
            return await analyses.Years.BuildAsync(query with { PopulationYear = year }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The public version's victims and offenders: through the disclosure service, as the public atlas shows them (whole
    /// financial years inside the extract, protected cells withheld, blank); no pyramid figure, which would have to draw a
    /// withheld cell.</summary>
    async Task<IReadOnlyList<ReportBlock>> PublicVictimsAndOffendersAsync(BuildContext c, AgeSexPyramidSet set, CancellationToken cancellationToken)
    {
        if (disclosure!.RefuseExtractQuestion(c.Area, c.Later, await analyses.ExtractCoverageAsync(cancellationToken).ConfigureAwait(false)) is { } rule)
        {
            return [new ParagraphBlock($"Left out of the public version: {rule}")];
        }

        var release = await analyses.ExtractReleaseAsync(disclosure, c.Later, cancellationToken).ConfigureAwait(false);
        long? Shown(Core.Extract.PersonRole role, string band, Core.Extract.Sex sex, long value) =>
            release.TryGet(Analysis.Disclosure.ExtractCells.PyramidKey(c.Area.Code, null, role, band, sex), out var shown) ? shown : value == 0 ? 0 : null;
        var rows = set.Victims.Zip(set.Offenders, (v, o) => (IReadOnlyList<object?>)
        [
            v.Band,
            Shown(Core.Extract.PersonRole.Victim, v.Band, Core.Extract.Sex.Female, v.Female), Shown(Core.Extract.PersonRole.Victim, v.Band, Core.Extract.Sex.Male, v.Male), Shown(Core.Extract.PersonRole.Victim, v.Band, Core.Extract.Sex.Unknown, v.UnknownSex),
            Shown(Core.Extract.PersonRole.Offender, o.Band, Core.Extract.Sex.Female, o.Female), Shown(Core.Extract.PersonRole.Offender, o.Band, Core.Extract.Sex.Male, o.Male), Shown(Core.Extract.PersonRole.Offender, o.Band, Core.Extract.Sex.Unknown, o.UnknownSex),
        ]).ToList();
        var table = PlaceTables.Pyramid(set);
        return [new TableBlock("victims-offenders", table with { Rows = rows, Notes = [.. table.Notes, disclosure.ExtractNote, "A blank cell is withheld by the disclosure rules (docs/DISCLOSURE.md)."] })];
    }
}
