
namespace Csa.Core.PoliceUk;

/// <summary>The validated records of one data.police.uk street file, column by column, as a store loads them in bulk
/// (DuckDB's appender; a server store's binary COPY). The file's force and month are its <see cref="ValidatedPoliceUkFile"/>'s.</summary>
public sealed class StreetRecordColumns
{
    readonly List<string?> _crimeIds = [];
    readonly List<string> _reportedBy = [];
    readonly List<string> _fallsWithin = [];
    readonly List<double?> _longitudes = [];
    readonly List<double?> _latitudes = [];
    readonly List<string> _locations = [];
    readonly List<string?> _lsoaCodes = [];
    readonly List<string?> _lsoaNames = [];
    readonly List<string> _crimeTypes = [];
    readonly List<string?> _lastOutcomes = [];
    readonly List<string?> _contexts = [];

    /// <summary>How many records the columns hold.</summary>
    public int Count => _crimeTypes.Count;

    /// <summary>The crime identifiers (null for anti-social behaviour).</summary>
    public IReadOnlyList<string?> CrimeIds => _crimeIds;

    /// <summary>The forces that provided each record.</summary>
    public IReadOnlyList<string> ReportedBy => _reportedBy;

    /// <summary>The forces whose areas the records fall within.</summary>
    public IReadOnlyList<string> FallsWithin => _fallsWithin;

    /// <summary>The anonymised points' longitudes (null: no location).</summary>
    public IReadOnlyList<double?> Longitudes => _longitudes;

    /// <summary>The anonymised points' latitudes (null: no location).</summary>
    public IReadOnlyList<double?> Latitudes => _latitudes;

    /// <summary>The anonymised locations' descriptions.</summary>
    public IReadOnlyList<string> Locations => _locations;

    /// <summary>The LSOA codes, as published (null: none).</summary>
    public IReadOnlyList<string?> LsoaCodes => _lsoaCodes;

    /// <summary>The LSOA names (null: none).</summary>
    public IReadOnlyList<string?> LsoaNames => _lsoaNames;

    /// <summary>The crime types (anti-social behaviour among them).</summary>
    public IReadOnlyList<string> CrimeTypes => _crimeTypes;

    /// <summary>The last outcome categories (null: none).</summary>
    public IReadOnlyList<string?> LastOutcomes => _lastOutcomes;

    /// <summary>The context texts (null: empty).</summary>
    public IReadOnlyList<string?> Contexts => _contexts;

    /// <summary>Adds one validated record.</summary>
    public void Add(StreetRecord record)
    {
        _crimeIds.Add(record.CrimeId);
        _reportedBy.Add(record.ReportedBy);
        _fallsWithin.Add(record.FallsWithin);
        _longitudes.Add(record.Longitude);
        _latitudes.Add(record.Latitude);
        _locations.Add(record.Location);
        _lsoaCodes.Add(record.LsoaCode);
        _lsoaNames.Add(record.LsoaName);
        _crimeTypes.Add(record.CrimeType);
        _lastOutcomes.Add(record.LastOutcomeCategory);
        _contexts.Add(record.Context);
    }
}
