using System.Globalization;
using Csa.Analysis;
using Csa.Analysis.Comparison;
using Csa.Analysis.Rates;
using Csa.Core;
using Csa.Reporting.Charts;

namespace Csa.Reporting.Assessment;

public sealed partial class AssessmentBuilder
{
    const string PoliceSource = "Source: police recorded crime, via csa";

    /// <summary>A chart's source line, from its table's own source note: data.police.uk street data, or the local extract
    /// (synthetic or not).</summary>
    static string ChartSource(ResultTable table, string? partner = null)
    {
        var note = table.Notes.FirstOrDefault(n => n.StartsWith("Source:", StringComparison.Ordinal)) ?? string.Empty;
        var police = note.StartsWith("Source: data.police.uk", StringComparison.Ordinal) ? "Source: data.police.uk street-level data (Open Government Licence v3.0)"
            : note.StartsWith("Source: local police extract", StringComparison.Ordinal) ? "Source: local police recorded crime extract"
            : PoliceSource;
        return $"{police}{(partner is null ? string.Empty : "; " + partner)}. {Synthetic(table)}".Trim();
    }

    /// <summary>The sections whose figures come only from the force's extract or partner data: never in a public version.</summary>
    static readonly string[] RestrictedSections = ["triangulation", "financial-years", "exclusions", "recording", "long-run", "harm"];

    /// <summary>The sections made from the theme tree's comparison.</summary>
    static readonly string[] ComparisonSections = ["appendix-a", "markers", "end-of-year", "priorities"];

    async Task<IReadOnlyList<ReportBlock>> SectionAsync(string id, BuildContext c, CancellationToken cancellationToken)
    {
        if (IsPublic && RestrictedSections.Contains(id, StringComparer.Ordinal))
        {
            return [new ParagraphBlock("Left out of the public version: its figures come from the force's own extract or from partner data, which public documents do not publish (docs/DISCLOSURE.md).")];
        }

        if (c.Comparison is null && ComparisonSections.Contains(id, StringComparer.Ordinal))
        {
            return [new ParagraphBlock($"Left out of the public version: the {c.Tree.Name} tree's comparison counts the force's own extract, which public documents do not publish. The public version compares data.police.uk street data (use the police-uk tree).")];
        }

        try
        {
            return await SectionBlocksAsync(id, c, cancellationToken).ConfigureAwait(false);
        }
        catch (CsaQueryException e) when (IsPublic)
        {
            return [new ParagraphBlock($"Left out of the public version: {e.Message}")];
        }
    }

    async Task<IReadOnlyList<ReportBlock>> SectionBlocksAsync(string id, BuildContext c, CancellationToken cancellationToken) => id switch
    {
        "details" => [new TableBlock("details", Details(c.Config))],
        "schedule" => [new TableBlock("schedule", Schedule(c.Config))],
        "contents" or "recommendations" or "introduction" or "key-findings" => KeyFindings(id, c),
        "trend" => await TrendAsync(c, c.Config.Theme.Category, "trend", cancellationToken).ConfigureAwait(false),
        "total-crime" => await TrendAsync(c, c.Tree.Rows[0].Label, "total-crime", cancellationToken).ConfigureAwait(false),
        "triangulation" => await TriangulationAsync(c, cancellationToken).ConfigureAwait(false),
        "financial-years" => await FinancialYearsAsync(c, cancellationToken).ConfigureAwait(false),
        "msg" => await MostSimilarAsync(c, cancellationToken).ConfigureAwait(false),
        "markers" => Markers(c),
        "exclusions" => await ExclusionsAsync(c, cancellationToken).ConfigureAwait(false),
        "end-of-year" => EndOfYear(c),
        "priorities" => await PriorityMatrixAsync(c, cancellationToken).ConfigureAwait(false),
        "long-run" => await OrLeftOutAsync(() => LongRunAsync(c, cancellationToken)).ConfigureAwait(false),
        "harm" => await OrLeftOutAsync(() => HarmAsync(c, cancellationToken)).ConfigureAwait(false),
        "asb" => await OrLeftOutAsync(() => AntiSocialBehaviourAsync(c, cancellationToken)).ConfigureAwait(false),
        "places" => await OrLeftOutAsync(() => PlacesAsync(c, cancellationToken)).ConfigureAwait(false),
        "victims-offenders" => await OrLeftOutAsync(() => VictimsAndOffendersAsync(c, cancellationToken)).ConfigureAwait(false),
        "recording" => await OrLeftOutAsync(() => RecordingAsync(c, cancellationToken)).ConfigureAwait(false),
        "appendix-a" => [new TableBlock("appendix-a", c.ComparisonTable!) { WorkbookOnly = RateRatioColumns }],
        "data-sources" => await DataSourcesAsync(c, cancellationToken).ConfigureAwait(false),
        _ => throw new CsaQueryException($"sections: '{id}' is not a section csa writes."),
    };

    static ResultTable Details(AssessmentConfig config)
    {
        var d = config.Document;
        var rows = new (string, string?)[]
        {
            ("Title", config.Title), ("Date created", d.Date), ("Description", d.Description), ("Produced by", string.Join("; ", [.. d.Authors, .. d.Team is { } team ? [team] : Array.Empty<string>()])),
            ("On behalf of", d.OnBehalfOf ?? config.Partnership), ("Geographic coverage", d.Coverage), ("Time period", d.TimePeriod), ("Status", d.Version),
        };
        return ResultTable.Create("Document details", ["Item", "Detail"], [.. rows.Where(r => r.Item2 is not null).Select(r => (IReadOnlyList<object?>)[r.Item1, r.Item2])], []);
    }

    static ResultTable Schedule(AssessmentConfig config) => ResultTable.Create(
        "The continuous assessment",
        ["Document", "Key theme", "Analysis & writing", "Presentation"],
        [.. config.Schedule.Select(s => (IReadOnlyList<object?>)[(long)s.Document, s.Theme, s.Analysis, s.Presentation])],
        []);

    /// <summary>The findings are drafted while the other sections are built; this section is filled at the end.</summary>
    static IReadOnlyList<ReportBlock> KeyFindings(string id, BuildContext c)
    {
        if (id == "key-findings")
        {
            DraftComparisonFindings(c);
        }

        return [];
    }

    async Task<IReadOnlyList<ReportBlock>> TrendAsync(BuildContext c, string category, string key, CancellationToken cancellationToken)
    {
        var trend = c.Config.Periods.Trend is { } text ? Period.Parse(text) : null;
        var table = await Keyed(key, () => analyses.Monthly(streetOnly: IsPublic).BuildAsync(c.Area, c.Tree, category, trend?.From, trend?.To, [], cancellationToken)).ConfigureAwait(false);
        var counts = table.Rows.Select(r => r[1] is long n ? (double?)n : null).ToList();
        c.Sources.Counted(c.Comparison?.Coverage, table.Rows.Select(r => Month.Parse((string)r[0]!)));
        c.Figures++;
        var chart = ChartMaker.MonthlyTrend(
            $"figure-{c.Figures}", $"{category} in {c.Area.Name} by month", [.. table.Rows.Select(r => (string)r[0]!)], counts, "Crimes", ChartSource(table));
        var signals = table.Rows.Where(r => r[7] is string s && !s.StartsWith("no data", StringComparison.Ordinal)).Select(r => $"{r[0]} ({r[7]})").ToArray();
        var gaps = table.Rows.Where(r => r[7] is string s && s.StartsWith("no data", StringComparison.Ordinal)).Select(r => (string)r[0]!).ToArray();
        var words = signals.Length == 0
            ? "No month lies outside the process limits or signals a run (XmR chart)."
            : $"{signals.Length} of {counts.Count(n => n is not null)} months signal a special cause on an XmR chart of the whole series (a sustained trend shows as long runs on one side of the mean); the latest: {string.Join("; ", signals.TakeLast(3))}. The months are in the tables workbook (sheet {key}).";
        if (gaps.Length > 0)
        {
            words += $" No data are held for {string.Join(", ", gaps)}: the chart breaks there; a missing month is not a fall in crime.";
        }

        return
        [
            new ChartBlock(chart, $"Figure {c.Figures}: {category.ToLowerInvariant()} in {c.Area.Name} by month, with its linear trend."),
            new ParagraphBlock(words),
            new TableBlock(key, table, InHtml: false),
        ];
    }

    async Task<IReadOnlyList<ReportBlock>> TriangulationAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var t = c.Config.Triangulation!;
        var table = await Keyed("triangulation", () => analyses.Triangulation.BuildAsync(c.Area, t.Series, c.Tree, c.Config.Theme.Category, !t.Calendar, t.From, t.To, cancellationToken)).ConfigureAwait(false);
        var years = table.Rows.Where(r => r[2] is double).ToArray();
        c.Sources.Counted(c.Comparison?.Coverage, years.SelectMany(r => YearMonths((string)r[0]!, t.Calendar)));
        c.Sources.PartnerSeries(t.Series, c.Area, years.SelectMany(r => YearMonths((string)r[0]!, t.Calendar)));
        c.Figures++;
        var chart = ChartMaker.GroupedBars(
            $"figure-{c.Figures}",
            $"{c.Config.Theme.Category} and {t.Series}: index (first year = 100)",
            [.. years.Select(r => (string)r[0]!)],
            [(table.Columns[1], [.. years.Select(r => (double?)r[2])]), (t.Series, [.. years.Select(r => r[4] as double?)])],
            "Index",
            ChartSource(table, "partner data as imported"));
        var (apparent, significance) = (table.Rows[^2], table.Rows[^1]);
        var police = $"{apparent[1]}, {Verdict((string)significance[1]!)}";
        var partner = $"{apparent[3]}, {Verdict((string)significance[3]!)}";
        var first = years[0];
        var last = years[^1];
        var (firstRow, lastRow) = (table.Rows.ToList().IndexOf(first), table.Rows.ToList().IndexOf(last));
        c.Findings.Add(new Finding(
            "triangulation",
            string.Create(CultureInfo.InvariantCulture, $"Police recorded {c.Config.Theme.Category.ToLowerInvariant()} went from {first[1]:N0} in {first[0]} to {last[1]:N0} in {last[0]} ({police}), while {t.Series.ToLowerInvariant()} went from {first[3]:N0} to {last[3]:N0} ({partner})."),
            Command(
                ["triangulate", "--area", c.Area.Code, "--series", t.Series, "--category", c.Config.Theme.Category, "--tree", c.Config.Theme.Tree, .. (t.Calendar ? ["--calendar"] : Array.Empty<string>()),
                .. YearOption("--from", t.From), .. YearOption("--to", t.To)]),
            [
                FindingFigure.Cell("policeFirst", table, firstRow, 1), FindingFigure.Cell("policeLast", table, lastRow, 1),
                FindingFigure.Cell("partnerFirst", table, firstRow, 3), FindingFigure.Cell("partnerLast", table, lastRow, 3),
            ]));
        return [new ChartBlock(chart, $"Figure {c.Figures}: police recorded {c.Config.Theme.Category.ToLowerInvariant()} beside {t.Series.ToLowerInvariant()}, indexed to the first year."), new TableBlock("triangulation", table)];
    }

    async Task<IReadOnlyList<ReportBlock>> FinancialYearsAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var table = await Keyed("periods.financialYear", () => analyses.Years.BuildAsync(
            new YearsQuery(c.Area, c.Tree, c.Config.Theme.Category, BySubcategory: true, From: c.Config.Periods.FinancialYearFrom, To: c.Config.Periods.FinancialYearTo),
            cancellationToken)).ConfigureAwait(false);
        // Year rows (a partial one is labelled so), not the change rows; a year with no month held has no bar.
        var years = table.Rows.Where(r => r[0] is string s && !s.Contains("change", StringComparison.OrdinalIgnoreCase) && r[1] is long).ToArray();
        var counted = table.Columns.Skip(1).TakeWhile(name => name != YearlyBreakdown.MonthsHeldColumn).ToArray();
        c.Sources.Counted(c.Comparison?.Coverage, years.SelectMany(r => YearMonths((string)r[0]!, calendar: false)));
        c.Figures++;
        var series = counted.Select((name, i) => (name, (IReadOnlyList<double?>)[.. years.Select(r => r[i + 1] is long n ? (double?)n : null)])).ToList();
        var chart = ChartMaker.GroupedBars(
            $"figure-{c.Figures}", $"{c.Config.Theme.Category} in {c.Area.Name} by financial year", [.. years.Select(r => (string)r[0]!)], series, "Crimes", ChartSource(table));
        var change = table.Rows.FirstOrDefault(r => r[0] is string s && s.StartsWith("Apparent change", StringComparison.Ordinal));
        if (change is not null && years.Length > 1)
        {
            var parts = counted.Skip(1).Select((name, i) => $"{name.ToLowerInvariant()} {change[i + 2]}").ToArray();
            c.Findings.Add(new Finding(
                "financial-years",
                $"From {years[0][0]} to {years[^1][0]}, {c.Config.Theme.Category.ToLowerInvariant()} in {c.Area.Name} changed by {change[1]}" + (parts.Length > 0 ? $": {string.Join(", ", parts)}." : "."),
                Command(["years", "--area", c.Area.Code, "--category", c.Config.Theme.Category, "--tree", c.Config.Theme.Tree, "--by", "subcategory", .. YearOption("--from", c.Config.Periods.FinancialYearFrom), .. YearOption("--to", c.Config.Periods.FinancialYearTo)]),
                [.. counted.Select((name, i) => FindingFigure.Cell(name, table, table.Rows.ToList().IndexOf(change), i + 1))]));
        }

        return [new ChartBlock(chart, $"Figure {c.Figures}: {c.Config.Theme.Category.ToLowerInvariant()} by financial year and sub-category."), new TableBlock("financial-years", table)];
    }

    async Task<IReadOnlyList<ReportBlock>> MostSimilarAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var m = c.Config.Msg!;
        var tree = LoadTree(c.Config, m.Tree, "msg.tree");
        var period = Keyed("msg.period", () => Period.Parse(m.Period));
        var msg = analyses.Group(streetOnly: IsPublic);
        var answer = await Keyed("msg", () => m.Table is { } comparison
            ? msg.AnswerFromTableAsync(c.Area, MostSimilarGroup.ReadTable(Path.Combine(c.Config.BaseFolder, comparison)), m.Category, period, true, comparison, cancellationToken)
            : m.Group is { } group
            ? msg.AnswerAsync(c.Area, MostSimilarGroup.ReadGroup(Path.Combine(c.Config.BaseFolder, group)), tree, m.Category, period, true, m.PopulationYear, cancellationToken)
            : msg.AnswerNearestAsync(c.Area, m.Nearest!.Value, tree, m.Category, period, true, m.PopulationYear, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var table = answer.Table;
        var ranked = table.Rows.Where(r => r[0] is long).ToArray();
        await RecordGroupSourcesAsync(c, m, period, table, cancellationToken).ConfigureAwait(false);
        c.Figures++;
        // The group average line: the weighted average the ranking itself used (the area in it).
        var chart = ChartMaker.Ranking(
            $"figure-{c.Figures}", $"{m.Category}: rate per 1,000 in the most similar group", [.. ranked.Select(r => ((string)r[2]!, (double)r[5]!, Equals(r[8], "this area")))], answer.Ranking.GroupRate, "Rate per 1,000", ChartSource(table));
        var self = table.Rows.ToList().FindIndex(r => Equals(r[8], "this area"));
        string[] source = m.Table is { } file ? ["--table", file] : m.Group is { } groupFile ? ["--group", groupFile] : ["--nearest", m.Nearest!.Value.ToString(CultureInfo.InvariantCulture)];
        c.Findings.Add(new Finding(
            "msg",
            table.Notes[0],
            Command(["msg", "--area", c.Area.Code, "--category", m.Category, "--period", m.Period, "--tree", m.Tree, .. source, .. YearOption("--population-year", m.PopulationYear)]),
            [FindingFigure.Note("summary", table.Notes[0]), .. self < 0 ? [] : new[] { FindingFigure.Cell("rank", table, self, 0, keyColumn: 2), FindingFigure.Cell("rate", table, self, 5, keyColumn: 2) }]));
        return [new ChartBlock(chart, $"Figure {c.Figures}: {m.Category.ToLowerInvariant()} per 1,000 population in the most similar group."), new TableBlock("msg", table)];
    }

    static IReadOnlyList<ReportBlock> Markers(BuildContext c)
    {
        var rows = c.Tree.Rows.Select((row, i) => (row, i)).Where(x => x.row.Marker is not null).Select(x => c.ComparisonTable!.Rows[x.i]).ToList();
        if (rows.Count == 0)
        {
            return [new ParagraphBlock($"The {c.Tree.Name} tree has no marker rows: markers need a local police extract.")];
        }

        var table = c.ComparisonTable! with { Title = $"Crimes with a marker: {c.ComparisonTable.Title}", Rows = rows };
        return [new TableBlock("markers", table) { WorkbookOnly = RateRatioColumns }];
    }

    async Task<IReadOnlyList<ReportBlock>> ExclusionsAsync(BuildContext c, CancellationToken cancellationToken)
    {
        var blocks = new List<ReportBlock>();
        foreach (var (e, i) in c.Config.Exclusions.Select((e, i) => (e, i)))
        {
            var row = c.Tree.Find(e.Category) ?? throw new CsaQueryException($"exclusions[{i}].category: '{e.Category}' is not a row of the {c.Tree.Name} tree.");
            var single = c.Tree with { Rows = [row] };
            var (earlier, later) = (Period.Parse(e.Period), Period.Parse(e.Vs));
            var all = await Keyed($"exclusions[{i}]", () => analyses.Comparison.CompareAsync(c.Area, earlier, later, single, [], false, cancellationToken)).ConfigureAwait(false);
            var without = await Keyed($"exclusions[{i}]", () => analyses.Comparison.CompareAsync(c.Area, earlier, later, single, e.Exclude, false, cancellationToken)).ConfigureAwait(false);
            var (allTable, withoutTable) = (all.ToTable(), without.ToTable());
            c.Sources.Counted(all.Coverage, [.. earlier.Months, .. later.Months]);
            var label = $"{e.Category} excluding {string.Join(", ", e.Exclude)}";
            var table = ResultTable.Create(
                $"{e.Category}: {Label(earlier)} against {Label(later)}, with and without {string.Join(", ", e.Exclude)}",
                allTable.Columns,
                [allTable.Rows[0], [label, .. withoutTable.Rows[0].Skip(1)]],
                [.. without.Notes.Where(n => !all.Notes.Contains(n)), .. all.Notes]) with
            { DetailColumns = allTable.DetailColumns };
            blocks.Add(new TableBlock($"exclusions-{i + 1}", table) { WorkbookOnly = RateRatioColumns });
            var (with, less) = (all.Rows[0], without.Rows[0]);
            c.Findings.Add(new Finding(
                $"exclusion:{i + 1}",
                $"Excluding {string.Join(", ", e.Exclude).ToLowerInvariant()}, {e.Category.ToLowerInvariant()} still changed by {less.ApparentChangeText} from {Label(earlier)} to {Label(later)} ({less.Test.Describe()}), against {with.ApparentChangeText} with them.",
                Command(["compare", "--area", c.Area.Code, "--period", e.Period, "--vs", e.Vs, "--tree", c.Config.Theme.Tree, .. e.Exclude.SelectMany(x => new[] { "--exclude", x })]),
                [
                    FindingFigure.Cell("earlier", table, 1, 1) with { Row = row.Label }, FindingFigure.Cell("later", table, 1, 2) with { Row = row.Label },
                    FindingFigure.Cell("apparentChange", table, 1, Column(table, ComparisonResult.ApparentChangeColumn)) with { Row = row.Label },
                ]));
        }

        return blocks;
    }

    static IReadOnlyList<ReportBlock> EndOfYear(BuildContext c)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var priority in c.Config.Priorities)
        {
            foreach (var category in priority.Categories)
            {
                var index = c.Tree.Rows.ToList().FindIndex(r => string.Equals(r.Label, category, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    throw new CsaQueryException($"priorities: '{category}' (under '{priority.Priority}') is not a row of the {c.Tree.Name} tree.");
                }

                var r = c.Comparison!.Rows[index];
                rows.Add([priority.Priority, r.Label, r.Earlier, r.Later, FormattedNumber.PercentChange(r.Earlier, r.Later), r.Test.Describe()]);
            }
        }

        var table = ResultTable.Create(
            $"End of year review: the partnership's priorities, {Label(c.Earlier)} against {Label(c.Later)}",
            ["Priority", "Measure", Label(c.Earlier), Label(c.Later), "Apparent change", "Significance"],
            rows,
            [PoissonComparisonNote]);
        return [new TableBlock("end-of-year", table)];
    }

    /// <summary>A comparison's rate ratio and its interval: in the workbook, not printed (the table would not fit a page).</summary>
    static readonly string[] RateRatioColumns = [.. ComparisonResult.StatisticsColumns.Where(c => c.StartsWith("Rate ratio", StringComparison.Ordinal))];

    static string PoissonComparisonNote => Statistics.PoissonComparison.PoissonNote;

    static Analysis.Trees.CategoryTree LoadTree(AssessmentConfig config, string tree, string key) =>
        Keyed(key, () => Analysis.Trees.CategoryTrees.Load(ResolvePath(config, tree)));

    static string Synthetic(ResultTable table) => table.Title.EndsWith("[SYNTHETIC DATA]", StringComparison.Ordinal) ? "SYNTHETIC DATA." : string.Empty;

    /// <summary>Drafts a sentence for the theme tree's first row, the theme and its sub-categories, and every marker row.</summary>
    static void DraftComparisonFindings(BuildContext c)
    {
        if (c.Comparison is null)
        {
            return;
        }

        var gaps = c.Comparison.Notes.Where(n => n.StartsWith("Data gap", StringComparison.Ordinal) || n.StartsWith("Like for like", StringComparison.Ordinal)).ToArray();
        foreach (var gap in gaps)
        {
            c.Findings.Add(new Finding("data-gap", gap, CompareCommand(c), [FindingFigure.Note("gap", gap)]));
        }

        // Over partial periods the sentences name the months compared, never the whole years.
        var (earlierLabel, laterLabel) = c.Comparison.IsPartial
            ? (DataCoverage.DescribeMonths(c.Comparison.EarlierMonths), DataCoverage.DescribeMonths(c.Comparison.LaterMonths))
            : (Label(c.Earlier), Label(c.Later));
        var themeIndex = c.Tree.Rows.ToList().FindIndex(r => string.Equals(r.Label, c.Config.Theme.Category, StringComparison.OrdinalIgnoreCase));
        var theme = c.Tree.Rows[themeIndex];
        var rows = new List<int> { 0, themeIndex };
        rows.AddRange(Enumerable.Range(themeIndex + 1, c.Tree.Rows.Count - themeIndex - 1).TakeWhile(i => c.Tree.Rows[i].Level > theme.Level).Where(i => c.Tree.Rows[i].Level == theme.Level + 1));
        rows.AddRange(c.Tree.Rows.Select((r, i) => (r, i)).Where(x => x.r.Marker is not null).Select(x => x.i));
        var table = c.ComparisonTable!;
        foreach (var i in rows.Distinct())
        {
            var row = c.Comparison.Rows[i];
            var (label, before, after, verdict) = (row.Label, row.Earlier, row.Later, row.Test.Describe());
            var marker = c.Tree.Rows[i].Marker;
            var direction = ApparentChange.Percent(before, after) switch
            {
                null => $"against none in {earlierLabel}",
                > 0 and var p => $"{p.ToString("0.0", CultureInfo.InvariantCulture)}% more than in {earlierLabel}",
                < 0 and var p => $"{(-p).ToString("0.0", CultureInfo.InvariantCulture)}% fewer than in {earlierLabel}",
                _ => $"the same as in {earlierLabel}",
            };
            var like = c.Comparison.IsPartial
                ? $"; like for like: {DataCoverage.DescribeMonths(c.Comparison.LeftOut)} left out, not held"
                : string.Empty;
            var qualifier = $"{(before > 0 ? string.Create(CultureInfo.InvariantCulture, $"{before:N0}; ") : string.Empty)}{Verdict(verdict)}{like}";
            var sentence = (i, marker) switch
            {
                (0, _) => string.Create(CultureInfo.InvariantCulture, $"There were {after:N0} police recorded crimes in {c.Area.Name} in {laterLabel}, {direction} ({qualifier})."),
                (_, { } key) => string.Create(CultureInfo.InvariantCulture, $"There were {after:N0} police recorded crimes with a {key.Replace('-', ' ')} marker in {c.Area.Name} in {laterLabel}, {direction} ({qualifier})."),
                _ => string.Create(CultureInfo.InvariantCulture, $"{label} in {c.Area.Name}: {after:N0} police recorded crimes in {laterLabel}, {direction} ({qualifier})."),
            };
            c.Findings.Add(new Finding(
                i == 0 ? "all-crime" : marker is not null ? $"marker:{marker}" : $"category:{label}",
                sentence,
                CompareCommand(c),
                [
                    FindingFigure.Cell("earlier", table, i, 1), FindingFigure.Cell("later", table, i, 2), FindingFigure.Cell("apparentChange", table, i, Column(table, "Apparent change")),
                    FindingFigure.Cell("pValue", table, i, Column(table, "p-value")), FindingFigure.Cell("significance", table, i, Column(table, "Significance")),
                ]));
        }
    }

    /// <summary>The csa command line of these words.</summary>
    static string Command(IEnumerable<string> words) => CommandLineText.Join(["csa", .. words]);

    /// <summary>The command that prints the theme tree's comparison (the tree as the config names it: a file is relative to the config).</summary>
    static string CompareCommand(BuildContext c) =>
        Command(["compare", "--area", c.Area.Code, "--period", c.Config.Periods.Earlier, "--vs", c.Config.Periods.Later, "--tree", c.Config.Theme.Tree]);

    static string[] YearOption(string name, int? year) => year is { } y ? [name, y.ToString(CultureInfo.InvariantCulture)] : [];

    static int Column(ResultTable table, string name)
    {
        var index = table.Columns.ToList().IndexOf(name);
        return index >= 0 ? index : throw new InvalidOperationException($"The table '{table.Title}' has no column '{name}'.");
    }

    static string Verdict(string verdict) => verdict.StartsWith("significant", StringComparison.Ordinal)
        ? "a statistically " + verdict
        : verdict;
}
