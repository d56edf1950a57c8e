using System.Security.Cryptography;
using Csa.Core;

namespace Csa.Reporting.Assessment;

/// <summary>What a document's figures were made from, gathered while its sections are built: the months of each force's
/// data.police.uk street data, the local extract, the population estimates, partner series, and the files the config
/// names. The data sources appendix lists these, and only these.</summary>
sealed class UsedSources
{
    readonly SortedDictionary<string, SortedSet<Month>> _street = new(StringComparer.Ordinal);
    readonly SortedSet<Month> _extractMonths = [];
    Analysis.Coverage.SourceCoverage? _extract;
    readonly SortedSet<int> _populationYears = [];
    readonly SortedDictionary<string, (string Name, Core.Geography.Area Area, SortedSet<Month> Months)> _series = new(StringComparer.Ordinal);
    readonly SortedDictionary<string, string> _configFiles = new(StringComparer.Ordinal);

    /// <summary>Force slug → the months of its street data the document asked for.</summary>
    public IReadOnlyDictionary<string, SortedSet<Month>> Street => _street;

    /// <summary>The months of the local extract the document asked for (none when it used no extract).</summary>
    public IReadOnlySet<Month> ExtractMonths => _extractMonths;

    /// <summary>Which months the local extract holds (null when the document used no extract).</summary>
    public Analysis.Coverage.SourceCoverage? Extract => _extract;

    /// <summary>The mid-year population estimates used.</summary>
    public IReadOnlySet<int> PopulationYears => _populationYears;

    /// <summary>Partner series used, by the ledger's name for them (series:NAME:AREA), with the months asked for.</summary>
    public IReadOnlyDictionary<string, (string Name, Core.Geography.Area Area, SortedSet<Month> Months)> Series => _series;

    /// <summary>Files the config names (narrative, group, comparison table, tree), by name → SHA-256.</summary>
    public IReadOnlyDictionary<string, string> ConfigFiles => _configFiles;

    /// <summary>Records the months a count of an area asked for, from the source its coverage says it read.</summary>
    public void Counted(Analysis.Coverage.SourceCoverage? coverage, IEnumerable<Month> months)
    {
        switch (coverage)
        {
            case Analysis.Coverage.StreetCoverage street:
                StreetMonths(street.HomeForceSlugs, months);
                break;
            case not null:
                _extract = coverage;
                _extractMonths.UnionWith(months);
                break;
        }
    }

    /// <summary>Records street months of these forces.</summary>
    public void StreetMonths(IEnumerable<string> forceSlugs, IEnumerable<Month> months)
    {
        var asked = months.ToArray();
        foreach (var force in forceSlugs)
        {
            if (!_street.TryGetValue(force, out var set))
            {
                _street[force] = set = [];
            }

            set.UnionWith(asked);
        }
    }

    public void Population(int year) => _populationYears.Add(year);

    /// <summary>Whether the Home Office's force-level recorded crime table was used (the matrix's harm for street categories).</summary>
    public bool HomeOfficeForceTable { get; set; }

    public void PartnerSeries(string name, Core.Geography.Area area, IEnumerable<Month> months)
    {
        var key = $"series:{name}:{area.Code}";
        if (!_series.TryGetValue(key, out var used))
        {
            _series[key] = used = (name, area, []);
        }

        used.Months.UnionWith(months);
    }

    /// <summary>Records a file the config names, by its name alone, with its SHA-256.</summary>
    public void ConfigFile(string path)
    {
        using var stream = File.OpenRead(path);
        _configFiles[Path.GetFileName(path)] = Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
