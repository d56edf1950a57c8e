using Csa.Core.Extract;
using Csa.Core.Geography;
using Csa.Core.Importing;
using Csa.Core.Official;
using Csa.Core.PoliceUk;
using Csa.Core.Population;

namespace Csa.Storage;

/// <summary>
/// csa's store: every read and write of held data goes through this interface, so that a backend
/// (DuckDB today, PostgreSQL later) can be swapped without changes above it.
/// </summary>
/// <remarks>
/// A store is opened by a backend's <c>OpenAsync</c>, which creates or migrates the schema. Instances are
/// not thread safe: use one per thread of work.
/// </remarks>
public interface ICsaStore : IPoliceUkImportTarget, IExtractImportTarget, IRecordedCrimeImportTarget, IAsyncDisposable
{
    /// <summary>Where the store is and what schema it has.</summary>
    StoreInfo Info { get; }

    /// <summary>Replaces the held lookup of the same kind with <paramref name="lookup"/>, atomically.</summary>
    Task<GeographyImportResult> ImportGeographyAsync(GeographyLookup lookup, SourceFile source, CancellationToken cancellationToken = default);

    /// <summary>Every area whose code equals <paramref name="codeOrName"/>, or else whose name does (both ignoring case).</summary>
    /// <remarks>A partnership or force area made of one district of the same name covers the same ground as that
    /// district, and is left out of a match by name that finds the district (so "Huntingdonshire" is one area).</remarks>
    Task<IReadOnlyList<Area>> FindAreasAsync(string codeOrName, CancellationToken cancellationToken = default);

    /// <summary>Counts street records in an area and period, grouped as asked and always split into crime and anti-social behaviour.</summary>
    Task<IReadOnlyList<CrimeCountRow>> CountAsync(CountQuery query, CancellationToken cancellationToken = default);

    /// <summary>The police force areas (E23…/W15…) an area lies in, through the district → force area lookup.</summary>
    Task<IReadOnlyList<string>> GetForceAreaCodesAsync(Area area, CancellationToken cancellationToken = default);

    /// <summary>The districts an area is made of (a ward: the district that holds it).</summary>
    Task<IReadOnlyList<string>> GetDistrictCodesAsync(Area area, CancellationToken cancellationToken = default);

    /// <summary>Every ward in <paramref name="area"/> (code and name), from the held lookup, ordered by name.</summary>
    Task<IReadOnlyList<(string Code, string Name)>> GetWardsAsync(Area area, CancellationToken cancellationToken = default);

    /// <summary>Every 2011 LSOA in <paramref name="area"/> (code and name), from the held lookup, ordered by code.</summary>
    Task<IReadOnlyList<(string Code, string Name)>> GetLsoasAsync(Area area, CancellationToken cancellationToken = default);

    /// <summary>The population estimates of every ward or 2011 LSOA of <paramref name="area"/>, for each year held.</summary>
    /// <remarks>A ward's estimate sums its LSOAs of either vintage; an LSOA's is its own (years keyed by 2021 codes give none).</remarks>
    Task<IReadOnlyList<PlacePopulation>> GetPlacePopulationsAsync(Area area, PlaceLevel level, CancellationToken cancellationToken = default);

    /// <summary>The months of street data held for each force (from the import ledger), and for <paramref name="area"/> only the forces whose records fall in it.</summary>
    Task<IReadOnlyList<ForceMonth>> GetHeldStreetMonthsAsync(Area? area, CancellationToken cancellationToken = default);

    /// <summary>Data-quality figures for each force and month held, for <paramref name="area"/> only the forces whose records fall in it.</summary>
    Task<IReadOnlyList<ForceMonthQuality>> GetQualityAsync(Area? area, CancellationToken cancellationToken = default);

    /// <summary>The first and last months of extract crimes held (any area), or null when none are held.</summary>
    Task<Core.Period?> GetExtractCoverageAsync(CancellationToken cancellationToken = default);

    /// <summary>Every district where the held extract has crimes, with the partnerships and force areas that contain it.</summary>
    Task<IReadOnlyList<ExtractDistrict>> GetExtractDistrictsAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts extract crimes in an area and period by month, offence code, marker and recording state.</summary>
    Task<IReadOnlyList<ExtractCountRow>> CountExtractAsync(Area area, Core.Period period, CancellationToken cancellationToken = default);

    /// <summary>Counts extract crimes in an area and period by victim age and sex, and by offender age and sex;
    /// only the crimes carrying <paramref name="marker"/> when one is given.</summary>
    Task<IReadOnlyList<ExtractPersonCount>> CountExtractPeopleAsync(Area area, Core.Period period, string? marker, CancellationToken cancellationToken = default);

    /// <summary>Replaces the held population estimates of <paramref name="year"/> with the given LSOA estimates, atomically.</summary>
    Task ImportPopulationAsync(int year, IReadOnlyDictionary<string, double> lsoaPopulations, SourceFile source, CancellationToken cancellationToken = default);

    /// <summary>The population of an area in each year held: the sum over its LSOAs (2011 or 2021 codes) that have an estimate.</summary>
    Task<IReadOnlyDictionary<int, double>> GetPopulationAsync(Area area, CancellationToken cancellationToken = default);

    /// <summary>Replaces the held deprivation ranks (Index of Multiple Deprivation by LSOA), atomically.</summary>
    Task ImportDeprivationAsync(IReadOnlyDictionary<string, int> imdRanks, SourceFile source, CancellationToken cancellationToken = default);

    /// <summary>For every area of a level: its population in <paramref name="year"/> and the mean deprivation rank of its LSOAs (areas lacking either are left out).</summary>
    Task<IReadOnlyList<AreaIndicators>> GetAreaIndicatorsAsync(AreaLevel level, int year, CancellationToken cancellationToken = default);

    /// <summary>Adds the boundaries of every file, replacing any held for the same codes, in one transaction: all files or none.</summary>
    Task ImportBoundariesAsync(IReadOnlyList<BoundaryFile> files, CancellationToken cancellationToken = default);

    /// <summary>The held boundaries of one kind (ward, lsoa11, lsoa21, district) whose codes are given, or all of that kind when <paramref name="codes"/> is null.</summary>
    Task<IReadOnlyList<Boundary>> GetBoundariesAsync(string kind, IReadOnlyCollection<string>? codes, CancellationToken cancellationToken = default);

    /// <summary>Replaces the partner series <paramref name="name"/> for an area with the given monthly counts, atomically.</summary>
    Task ImportSeriesAsync(string name, Area area, IReadOnlyList<(Core.Month Month, long Count)> counts, SourceFile source, CancellationToken cancellationToken = default);

    /// <summary>A partner series' monthly counts for an area (empty when none is held).</summary>
    Task<IReadOnlyList<(Core.Month Month, long Count)>> GetSeriesAsync(string name, Area area, CancellationToken cancellationToken = default);

    /// <summary>Adds an atlas account.</summary>
    /// <exception cref="Core.CsaQueryException">An account of that name exists.</exception>
    Task AddUserAsync(string name, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Removes the account of that name; false when there is none. Its sessions end at their next request.</summary>
    Task<bool> RemoveUserAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Sets the account's password hash and renews its security stamp (ending its sessions) and clears its lock; false when there is no such account.</summary>
    Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>The account of that name, or null.</summary>
    Task<AtlasUser?> GetUserAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome of a login: the account's failure count and lock (see <see cref="Core.Security.LockoutPolicy"/>).</summary>
    Task RecordLoginAsync(string name, int failedAttempts, DateTimeOffset? lockedUntil, CancellationToken cancellationToken = default);

    /// <summary>Imports district estimates, replacing every held district estimate of the years they cover, atomically.</summary>
    Task ImportDistrictPopulationAsync(IReadOnlyList<DistrictEstimate> estimates, SourceFile source, CancellationToken cancellationToken = default);

    /// <summary>Every held recorded crime row of the area with this ONS code (or, for a body with none such as British Transport
    /// Police, this published name) at a level (empty when none is held).</summary>
    Task<IReadOnlyList<Core.Official.RecordedCrimeRow>> GetRecordedCrimeAsync(Core.Official.RecordedCrimeLevel level, string areaCodeOrName, CancellationToken cancellationToken = default);

    /// <summary>Crimes (anti-social behaviour left out) in one force's street files, by month and crime type, wherever they lie.</summary>
    Task<IReadOnlyList<(Core.Month Month, string CrimeType, long Count)>> CountForceStreetAsync(string forceSlug, Core.Period period, CancellationToken cancellationToken = default);

    /// <summary>Every file in the import ledger.</summary>
    Task<IReadOnlyList<ImportedFile>> GetImportedFilesAsync(CancellationToken cancellationToken = default);

    /// <summary>Row counts of every held table: a fingerprint of the store's contents for checks and tests.</summary>
    Task<IReadOnlyDictionary<string, long>> GetTableCountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every row of one of the store's tables (a name <see cref="GetTableCountsAsync"/> gives), each value of its
    /// column's type, in the table's column order: for copying a whole store (<see cref="CopyFromAsync"/>).</summary>
    /// <exception cref="ArgumentException">The name is not one of the store's tables.</exception>
    IAsyncEnumerable<object?[]> ReadTableAsync(string table, CancellationToken cancellationToken = default);

    /// <summary>Copies every table of <paramref name="source"/> into this store, in one transaction: all or nothing.</summary>
    /// <exception cref="Core.CsaStoreException">This store holds data already (a copy never overwrites), or the two stores'
    /// schemas differ.</exception>
    Task CopyFromAsync(ICsaStore source, CancellationToken cancellationToken = default);
}
