using System.Globalization;
using Csa.Analysis.Comparison;
using Csa.Analysis.Official;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.Official;
using Csa.Statistics;
using Csa.Storage;
using nietras.SeparatedValues;

namespace Csa.Analysis.Rates;

/// <summary>The area's rate of a category against its most similar group: the data behind iQuanta's chart.</summary>
/// <param name="store">The store.</param>
/// <param name="streetOnly">Count data.police.uk street data even when a local extract is held (the atlas, whose public
/// mode protects extract counts).</param>
public sealed class MostSimilarGroup(ICsaStore store, bool streetOnly = false)
{
    /// <summary>Reads a group file: one ONS code a line (the first field of a CSV line); a header, blank lines and lines starting with # are skipped.</summary>
    /// <exception cref="CsaQueryException">No such file, or no code in it.</exception>
    public static IReadOnlyList<string> ReadGroup(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CsaQueryException($"No group file {path}.");
        }

        var codes = File.ReadLines(path)
            .Select(line => line.Split(',')[0].Trim().Trim('"'))
            .Where(code => code.Length == 9 && char.IsAsciiLetterUpper(code[0]) && code[1..].All(char.IsAsciiDigit))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return codes.Length > 0 ? codes : throw new CsaQueryException($"{path}: no ONS area code (a letter and eight digits, one a line) in the group file.");
    }

    /// <summary>Ranks the area in its group.</summary>
    /// <exception cref="CsaQueryException">The group does not contain the area, a code is unknown, or the area has no data or population.</exception>
    public async Task<ResultTable> BuildAsync(Area area, IReadOnlyList<string> group, CategoryTree tree, string category, Period period, bool includeAreaInAverage, int? populationYear, CancellationToken cancellationToken = default) =>
        (await AnswerAsync(area, group, tree, category, period, includeAreaInAverage, populationYear, cancellationToken).ConfigureAwait(false)).Table;

    /// <summary>Ranks the area in its group: the table, and the ranking it is made from (the area's position against the
    /// group's weighted average, as the table's first note states it).</summary>
    /// <exception cref="CsaQueryException">As <see cref="BuildAsync(Area, IReadOnlyList{string}, CategoryTree, string, Period, bool, int?, CancellationToken)"/>.</exception>
    public async Task<MostSimilarAnswer> AnswerAsync(Area area, IReadOnlyList<string> group, CategoryTree tree, string category, Period period, bool includeAreaInAverage, int? populationYear, CancellationToken cancellationToken = default) =>
        await BuildAsync(area, group, tree, category, period, includeAreaInAverage, populationYear, null, cancellationToken).ConfigureAwait(false);

    /// <summary>Ranks the area in the group that <see cref="NearestNeighbours"/> proposes.</summary>
    /// <exception cref="CsaQueryException">The area cannot be placed, or has no data or population.</exception>
    public async Task<ResultTable> BuildNearestAsync(Area area, int size, CategoryTree tree, string category, Period period, bool includeAreaInAverage, int? populationYear, NearestOptions? options = null, CancellationToken cancellationToken = default) =>
        (await AnswerNearestAsync(area, size, tree, category, period, includeAreaInAverage, populationYear, options, cancellationToken).ConfigureAwait(false)).Table;

    /// <summary>Ranks the area in the proposed group: the table and its ranking.</summary>
    /// <exception cref="CsaQueryException">The area cannot be placed, or has no data or population.</exception>
    public async Task<MostSimilarAnswer> AnswerNearestAsync(Area area, int size, CategoryTree tree, string category, Period period, bool includeAreaInAverage, int? populationYear, NearestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var proposed = await new NearestNeighbours(store).ProposeAsync(area, size, options, cancellationToken).ConfigureAwait(false);
        return await BuildAsync(area, [.. proposed.Members.Select(m => m.Area.Code)], tree, category, period, includeAreaInAverage, populationYear, proposed.Method, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A comparison table exported from iQuanta or a similar tool: one row per member, with its area (ONS code or name),
    /// its count and its population (columns named like <c>area</c>/<c>code</c>, <c>count</c>/<c>crimes</c>/<c>offences</c>, <c>population</c>).</summary>
    /// <exception cref="CsaQueryException">The file is missing, lacks a column, or has a row that is not a count and a population.</exception>
    public static IReadOnlyList<(string Area, long Count, double Population)> ReadTable(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CsaQueryException($"{path}: no such comparison table.");
        }

        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        var header = reader.Header.ColNames.Select(n => n.Trim().ToLowerInvariant()).ToArray();
        int Column(params string[] names) => Array.FindIndex(header, h => names.Contains(h));
        var (area, count, population) = (Column("area", "code", "area code", "name", "area name"), Column("count", "crimes", "offences", "number of offences"), Column("population"));
        if (area < 0 || count < 0 || population < 0)
        {
            throw new CsaQueryException($"{path}: a comparison table needs the columns area (or code), count (or crimes, offences) and population.");
        }

        var rows = new List<(string, long, double)>();
        foreach (var row in reader)
        {
            var (countText, populationText) = (row[count].ToString().Replace(",", string.Empty, StringComparison.Ordinal).Trim(), row[population].ToString().Replace(",", string.Empty, StringComparison.Ordinal).Trim());
            if (!long.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || !double.TryParse(populationText, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || p <= 0)
            {
                throw new CsaQueryException($"{path}:{row.LineNumberFrom}: '{countText}' and '{populationText}' are not a count and a population.");
            }

            rows.Add((row[area].ToString().Trim(), n, p));
        }

        return rows.Count > 0 ? rows : throw new CsaQueryException($"{path}: the comparison table has no rows.");
    }

    /// <summary>Ranks the area among the members of an analyst's comparison table (<see cref="ReadTable"/>), on the figures it
    /// gives: the same ranking, averages and test as for figures csa counts itself.</summary>
    /// <exception cref="CsaQueryException">A member is not an area csa knows, or the area is not in the table.</exception>
    public async Task<ResultTable> BuildFromTableAsync(Area area, IReadOnlyList<(string Area, long Count, double Population)> table, string category, Period period, bool includeAreaInAverage, string source, CancellationToken cancellationToken = default) =>
        (await AnswerFromTableAsync(area, table, category, period, includeAreaInAverage, source, cancellationToken).ConfigureAwait(false)).Table;

    /// <summary>Ranks the area among the members of an analyst's comparison table: the table and its ranking.</summary>
    /// <exception cref="CsaQueryException">A member is not an area csa knows, or the area is not in the table.</exception>
    public async Task<MostSimilarAnswer> AnswerFromTableAsync(Area area, IReadOnlyList<(string Area, long Count, double Population)> table, string category, Period period, bool includeAreaInAverage, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var codes = new List<string>();
        var figures = new Dictionary<string, (long Count, double Population)>(StringComparer.Ordinal);
        foreach (var (name, count, population) in table)
        {
            var member = await new AreaResolver(store).ResolveAsync(name, cancellationToken).ConfigureAwait(false);
            codes.Add(member.Code);
            figures[member.Code] = (count, population);
        }

        return await BuildAsync(area, codes, category, period, includeAreaInAverage, $"Figures: the analyst's comparison table {Path.GetFileName(source)} (counts and populations as given there, not counted by csa).", (member, _) =>
            Task.FromResult(new GroupMember(member.Code, member.Name, figures[member.Code].Count, figures[member.Code].Population, null)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ranks a force area or partnership in its group on the Home Office tables: a category as the tables name it (the
    /// total excluding fraud, an offence group, subgroup or code) over whole quarters; a member missing a quarter is listed, not ranked.</summary>
    /// <exception cref="CsaQueryException">The period is not whole quarters, the group does not contain the area, or the area has no figures.</exception>
    public async Task<ResultTable> BuildHomeOfficeAsync(Area area, IReadOnlyList<string> group, string category, Period period, bool includeAreaInAverage, int? populationYear, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var quarters = FinancialQuarter.Covering(period, "--period");
        return (await BuildAsync(area, group, category, period, includeAreaInAverage, null, (member, notes) => HomeOfficeFiguresAsync(member, category, period, quarters, populationYear, notes, cancellationToken), cancellationToken).ConfigureAwait(false)).Table;
    }

    async Task<MostSimilarAnswer> BuildAsync(Area area, IReadOnlyList<string> group, CategoryTree tree, string category, Period period, bool includeAreaInAverage, int? populationYear, string? groupNote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var row = tree.Require(category);
        var single = tree with { Rows = [row] };
        return await BuildAsync(area, group, row.Label, period, includeAreaInAverage, groupNote, (member, notes) => FiguresAsync(member, single, period, populationYear, notes, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    async Task<MostSimilarAnswer> BuildAsync(Area area, IReadOnlyList<string> group, string label, Period period, bool includeAreaInAverage, string? groupNote, Func<Area, List<string>, Task<GroupMember>> figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(group);
        group = [.. group.Distinct(StringComparer.OrdinalIgnoreCase)];
        var areaDistricts = await store.GetDistrictCodesAsync(area, cancellationToken).ConfigureAwait(false);
        var members = new List<GroupMember>();
        string? areaCode = null;
        var notes = new List<string>();
        foreach (var code in group)
        {
            var found = await store.FindAreasAsync(code, cancellationToken).ConfigureAwait(false);
            var member = found.Count == 1 ? found[0] : throw new CsaQueryException($"The group's code {code} is not an area csa knows: import the ONS lookup that has it.");
            // The area itself, or a partnership or force area made of exactly its districts (never a ward of it; and not when
            // no LSOA lookup says which districts any area has, where every list would be empty and equal).
            if (member.Code == area.Code
                || (member.Level != AreaLevel.Ward && area.Level != AreaLevel.Ward && areaDistricts.Count > 0
                    && (await store.GetDistrictCodesAsync(member, cancellationToken).ConfigureAwait(false)).SequenceEqual(areaDistricts)))
            {
                areaCode = member.Code;
            }

            members.Add(await figures(member, notes).ConfigureAwait(false));
        }

        if (areaCode is null)
        {
            throw new CsaQueryException($"The group does not contain {area.Describe()}: a most similar group is the area's own group, with the area in it.");
        }

        if (members.Single(m => m.Code == areaCode) is { Count: null } missingArea)
        {
            throw new CsaQueryException($"{area.Describe()} has no figures for {period}: {missingArea.Missing}");
        }

        var ranking = GroupRankings.Rank(members, areaCode, includeAreaInAverage);
        var areaRate = ranking.Members.Single(m => m.Member.Code == areaCode).Rate!;
        var rows = ranking.Members.Select(m => (IReadOnlyList<object?>)
        [
            m.Rank is { } rank ? (long)rank : null, m.Member.Code, m.Member.Name, m.Member.Count, m.Member.Population,
            m.Rate is null ? null : Math.Round(m.Rate.Value, 2), m.Rate is null ? null : Math.Round(m.Rate.Interval.Lower, 2), m.Rate is null ? null : Math.Round(m.Rate.Interval.Upper, 2),
            m.Member.Code == areaCode ? "this area" : m.Member.Missing is { } why ? "missing: " + why : null,
        ]).ToList();
        var (low, high) = ranking.Expected > 0 ? PoissonLimits.Around(ranking.Expected) : (0L, 0L);
        var c = CultureInfo.InvariantCulture;
        var verdict = ranking.AreaVersusGroup switch
        {
            1 => "significantly above",
            -1 => "significantly below",
            _ => "not significantly different from",
        };
        notes.InsertRange(0,
        [
            string.Create(c, $"{area.Name} is ranked {ranking.AreaRank} of {ranking.Ranked}, with a rate of {areaRate.Value:0.0} per 1,000 against a group average of {ranking.GroupRate:0.0}: {verdict} the average ({areaRate.Count:N0} crimes against {ranking.Expected:N1} expected; exact Poisson limits {low:N0}–{high:N0}, 95%)."),
            "Rank 1 is the highest rate; ties share the lowest rank number. Members with missing data are listed, not ranked.",
            $"The group average is weighted (the members' crimes ÷ their population, as HMICFRS's value-for-money profiles compute it), {(includeAreaInAverage ? "including" : "excluding")} the area itself: {ranking.GroupRate.ToString("0.00", c)} per 1,000. The other convention, the simple mean of the {ranking.Ranked} ranked members' rates including the area (as HMIC's Crime and Policing Comparator showed it), is {ranking.SimpleMeanRate.ToString("0.00", c)} per 1,000: it counts every member alike, whatever its size.",
            "Groups are not symmetric: an area in this area's group need not have this area in its own.",
            PoissonComparison.PoissonNote,
        ]);
        if (groupNote is not null)
        {
            notes.Insert(1, groupNote);
        }
        var table = ResultTable.Create(
            string.Create(c, $"{area.Describe()}: {label} per 1,000 population, {period}, in its most similar group: ranked {ranking.AreaRank} of {ranking.Ranked}"),
            ["Rank", "Code", "Area", "Crimes", "Population", "Rate per 1,000", "Lower 95%", "Upper 95%", "Note"],
            rows,
            [.. notes.Distinct()]);
        return new MostSimilarAnswer(table, ranking, areaRate.Value);
    }

    async Task<GroupMember> FiguresAsync(Area member, CategoryTree single, Period period, int? populationYear, List<string> notes, CancellationToken cancellationToken)
    {
        CategoryCounter counter;
        try
        {
            counter = streetOnly
                ? await CategoryCounter.CreateStreetAsync(store, single, member, [], cancellationToken).ConfigureAwait(false)
                : await CategoryCounter.CreateAsync(store, single, member, [], cancellationToken, period).ConfigureAwait(false);
            counter.CheckPeriod(period, "(--period)");
        }
        catch (CsaQueryException e)
        {
            // Not held (never zero): the reason from the coverage model, such as its force's files not being in the store.
            return new GroupMember(member.Code, member.Name, null, null, e.Message);
        }

        // Members are ranked on the same months: one with a month of the period not held is listed, not ranked.
        var missing = counter.Coverage.MissingMonths(period);
        if (missing.Count > 0)
        {
            return new GroupMember(member.Code, member.Name, null, null, $"not held for {DataCoverage.DescribeMonths(missing)} in {counter.Coverage.Description}");
        }

        PopulationChoice population;
        try
        {
            population = await PopulationChoice.ForPeriodAsync(store, member, period, populationYear, cancellationToken).ConfigureAwait(false);
        }
        catch (CsaQueryException e)
        {
            return new GroupMember(member.Code, member.Name, null, null, e.Message);
        }

        var own = PopulationChoice.YearFor(period);
        notes.Add($"Population: ONS mid-{population.Year} estimates{(populationYear is not null ? " (the year asked for)" : population.Year == own ? " (the year of the period's middle month)" : $" (the nearest held to {own}, the year of the period's middle month)")}.");
        notes.Add(counter.SourceNote);
        var count = (await counter.CountRowsAsync(period, cancellationToken).ConfigureAwait(false))[0];
        return new GroupMember(member.Code, member.Name, count, population.Population, null);
    }

    async Task<GroupMember> HomeOfficeFiguresAsync(Area member, string category, Period period, IReadOnlyList<FinancialQuarter> quarters, int? populationYear, List<string> notes, CancellationToken cancellationToken)
    {
        IReadOnlyList<RecordedCrimeRow> rows;
        try
        {
            (_, rows) = await RecordedCrimeSource.LoadAsync(store, member, cancellationToken).ConfigureAwait(false);
            HomeOfficeTree.Require(category, rows);
        }
        catch (CsaQueryException e)
        {
            return new GroupMember(member.Code, member.Name, null, null, e.Message);
        }

        var held = rows.Select(r => r.FinancialQuarter).ToHashSet();
        var missing = quarters.Where(q => !held.Contains(q)).ToArray();
        if (missing.Length > 0)
        {
            return new GroupMember(member.Code, member.Name, null, null, $"the Home Office tables hold no figure for {string.Join(", ", missing.Select(q => q.ToString()))}");
        }

        PopulationChoice population;
        try
        {
            population = await PopulationChoice.ForPeriodAsync(store, member, period, populationYear, cancellationToken).ConfigureAwait(false);
        }
        catch (CsaQueryException e)
        {
            return new GroupMember(member.Code, member.Name, null, null, e.Message);
        }

        notes.Add($"Population: ONS mid-{population.Year} estimates{(populationYear is not null ? " (the year asked for)" : string.Empty)}.");
        notes.Add("Source: Home Office police recorded crime open data tables (csa import prc); Open Government Licence v3.0.");
        var count = rows.Where(r => quarters.Contains(r.FinancialQuarter) && HomeOfficeTree.Counts(category, r)).Sum(r => r.Count);
        return new GroupMember(member.Code, member.Name, count, population.Population, null);
    }
}

/// <summary>A most similar group answer: the table, and the ranking it prints.</summary>
/// <param name="Table">The table, its first note the area's position in words.</param>
/// <param name="Ranking">The ranking: the group's weighted average rate, the area's expected count and its verdict.</param>
/// <param name="AreaRate">The area's rate per 1,000.</param>
public sealed record MostSimilarAnswer(ResultTable Table, GroupRanking Ranking, double AreaRate)
{
    /// <summary>The area's rate ÷ the group's weighted average rate.</summary>
    public double RatioToGroup => Ranking.GroupRate > 0 ? AreaRate / Ranking.GroupRate : double.PositiveInfinity;

    /// <summary>Whether the area's count is significantly above what the group's average rate gives it.</summary>
    public bool AboveGroup => Ranking.AreaVersusGroup > 0;
}
