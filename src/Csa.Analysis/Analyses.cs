using Csa.Analysis.Comparison;
using Csa.Analysis.Coverage;
using Csa.Analysis.Disclosure;
using Csa.Analysis.Harm;
using Csa.Analysis.Official;
using Csa.Analysis.Places;
using Csa.Analysis.Priorities;
using Csa.Analysis.Rates;
using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Storage;

namespace Csa.Analysis;

/// <summary>Every analysis of one store, for a document that is built from analyses alone (the document builder never sees the
/// store): each analysis as it is made elsewhere, and the few plain facts a document states beside them (which
/// population years, boundaries, files and partner months are held).</summary>
/// <param name="store">The store the analyses read.</param>
public sealed class Analyses(ICsaStore store)
{
    /// <summary>Areas by code or name.</summary>
    public AreaResolver Areas => new(store);

    /// <summary>Two periods compared (the seed's Appendix A).</summary>
    public PeriodComparison Comparison => new(store);

    /// <summary>A category by year.</summary>
    public YearlyBreakdown Years => new(store);

    /// <summary>Police recorded crime beside a partner series.</summary>
    public Triangulation Triangulation => new(store);

    /// <summary>Recording practice in two periods.</summary>
    public RecordingPractice Recording => new(store);

    /// <summary>Anti-social behaviour by month.</summary>
    public AntiSocialBehaviourSeries AntiSocialBehaviour => new(store);

    /// <summary>Ward and LSOA indicators.</summary>
    public PlaceIndicators Places => new(store);

    /// <summary>Hot and cold spots.</summary>
    public Hotspots Hotspots => new(store);

    /// <summary>Victims and offenders by age and sex.</summary>
    public AgeSexPyramid Pyramid => new(store);

    /// <summary>The Crime Severity Score.</summary>
    public SeverityTable Severity => new(store);

    /// <summary>The Home Office's recorded crime by year.</summary>
    public HomeOfficeYears HomeOffice => new(store);

    /// <summary>A category by month with its process limits (street data only when <paramref name="streetOnly"/>).</summary>
    public MonthlySeries Monthly(bool streetOnly = false) => new(store, streetOnly);

    /// <summary>The most similar group (street data only when <paramref name="streetOnly"/>).</summary>
    public MostSimilarGroup Group(bool streetOnly = false) => new(store, streetOnly);

    /// <summary>Which months of street data are held for an area.</summary>
    public Task<StreetCoverage> StreetCoverageAsync(Area area, CancellationToken cancellationToken = default) =>
        StreetCoverage.LoadAsync(store, area, cancellationToken);

    /// <summary>The harm (severity) of each row of a tree, from street data or from the extract.</summary>
    public Task<IReadOnlyList<double?>> HarmAsync(bool fromStreet, Area area, CategoryTree tree, Period period, SeverityWeights weights, CancellationToken cancellationToken = default) =>
        fromStreet
            ? CategoryHarm.FromStreetAsync(store, area, tree, period, weights, cancellationToken)
            : CategoryHarm.FromExtractAsync(store, area, tree, period, weights, cancellationToken);

    /// <summary>What the disclosure service releases of the extract for a year.</summary>
    public Task<ExtractRelease> ExtractReleaseAsync(DisclosureService disclosure, Period year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        return disclosure.ReleaseAsync(store, year, cancellationToken);
    }

    /// <summary>The years whose population estimate is held for an area.</summary>
    public async Task<IReadOnlyCollection<int>> PopulationYearsAsync(Area area, CancellationToken cancellationToken = default) =>
        [.. (await store.GetPopulationAsync(area, cancellationToken).ConfigureAwait(false)).Keys];

    /// <summary>The first and last months of the extract held, or null when none is.</summary>
    public Task<Period?> ExtractCoverageAsync(CancellationToken cancellationToken = default) => store.GetExtractCoverageAsync(cancellationToken);

    /// <summary>The boundaries held of one kind (only the codes given, when given).</summary>
    public Task<IReadOnlyList<Boundary>> BoundariesAsync(string kind, IReadOnlyCollection<string>? codes, CancellationToken cancellationToken = default) =>
        store.GetBoundariesAsync(kind, codes, cancellationToken);

    /// <summary>The police force areas an area lies in.</summary>
    public Task<IReadOnlyList<string>> ForceAreaCodesAsync(Area area, CancellationToken cancellationToken = default) =>
        store.GetForceAreaCodesAsync(area, cancellationToken);

    /// <summary>Every file the store holds, from its ledger.</summary>
    public Task<IReadOnlyList<ImportedFile>> ImportedFilesAsync(CancellationToken cancellationToken = default) => store.GetImportedFilesAsync(cancellationToken);

    /// <summary>A partner series' months and counts for an area.</summary>
    public Task<IReadOnlyList<(Month Month, long Count)>> SeriesAsync(string name, Area area, CancellationToken cancellationToken = default) =>
        store.GetSeriesAsync(name, area, cancellationToken);
}
