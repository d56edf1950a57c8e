using System.Text.Json;
using System.Text.Json.Serialization;
using Csa.Core.Classification;
using Csa.Core.Extract;
using Csa.Core.Importing;

namespace Csa.Ingest.Extract;

/// <summary>How to read one force's extract: which column holds what, and what its codes mean.</summary>
/// <remarks>
/// A JSON file, so that a real export is read without code changes. See <c>docs/extract-mapping.md</c>
/// and the example that <c>csa synth extract</c> writes. Unknown keys, unknown marker names and missing
/// required columns are errors that name the key.
/// </remarks>
public sealed record ExtractMapping
{
    /// <summary>What the extract is (and whether it is synthetic).</summary>
    public string? Description { get; init; }

    /// <summary>Whether the extract is synthetic: every table made from it then says so.</summary>
    public bool Synthetic { get; init; }

    /// <summary>The field separator (default a comma).</summary>
    public string Delimiter { get; init; } = ",";

    /// <summary>The column names, by field.</summary>
    public required ExtractColumns Columns { get; init; }

    /// <summary>Accepted formats of the recorded date (.NET custom formats, invariant culture).</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = ["yyyy-MM-dd", "dd/MM/yyyy"];

    /// <summary>Marker → the column that flags it, read with <see cref="YesNoValues"/>.</summary>
    public IReadOnlyDictionary<string, string> Markers { get; init; } = new Dictionary<string, string>();

    /// <summary>Values of marker and victim-support columns: value → yes (true) or no (false).</summary>
    public IReadOnlyDictionary<string, bool> YesNoValues { get; init; } = new Dictionary<string, bool> { ["Y"] = true, ["N"] = false, [""] = false };

    /// <summary>Values of the sex columns: value → female, male or unknown.</summary>
    public IReadOnlyDictionary<string, Sex> SexValues { get; init; } = new Dictionary<string, Sex> { ["F"] = Sex.Female, ["M"] = Sex.Male, ["U"] = Sex.Unknown, [""] = Sex.Unknown };

    /// <summary>Extra offence descriptions of this force → Home Office code, for extracts that give descriptions only.</summary>
    public IReadOnlyDictionary<string, string> OffenceDescriptions { get; init; } = new Dictionary<string, string>();

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
    };

    /// <summary>Reads and checks a mapping file.</summary>
    /// <exception cref="CsaImportException">The file is not a valid mapping; the issue names the key.</exception>
    public static ExtractMapping Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CsaImportException([new ImportIssue(path, 0, "no such mapping file")]);
        }

        ExtractMapping mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<ExtractMapping>(File.ReadAllText(path), Json)
                ?? throw new JsonException("the file is empty");
        }
        catch (JsonException e)
        {
            throw new CsaImportException([new ImportIssue(path, (int)(e.LineNumber ?? -1) + 1, $"not a valid mapping: {e.Message}")]);
        }

        var issues = mapping.Check(path);
        return issues.Count == 0 ? mapping : throw new CsaImportException(issues);
    }

    /// <summary>Writes the mapping as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    List<ImportIssue> Check(string path)
    {
        var issues = new List<ImportIssue>();
        void Require(string? column, string key)
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                issues.Add(new ImportIssue(path, 0, $"columns.{key} is required"));
            }
        }

        Require(Columns.CrimeReference, "crimeReference");
        Require(Columns.RecordedDate, "recordedDate");
        if (Columns.OffenceCode is null && Columns.OffenceDescription is null)
        {
            issues.Add(new ImportIssue(path, 0, "columns.offenceCode or columns.offenceDescription is required"));
        }

        if (Columns.Lsoa is null && Columns.Ward is null)
        {
            issues.Add(new ImportIssue(path, 0, "columns.lsoa or columns.ward is required, to place each crime"));
        }

        if ((Columns.Longitude is null) != (Columns.Latitude is null))
        {
            issues.Add(new ImportIssue(path, 0, "columns.longitude and columns.latitude go together: give both or neither"));
        }

        foreach (var marker in Markers.Keys.Where(m => !Core.Classification.Markers.IsKnown(m)))
        {
            issues.Add(new ImportIssue(path, 0, $"markers.{marker}: not a marker csa knows ({string.Join(", ", Core.Classification.Markers.All.Keys)})"));
        }

        foreach (var (description, code) in OffenceDescriptions)
        {
            if (!OffenceCodes.TryFind(code, out _))
            {
                issues.Add(new ImportIssue(path, 0, $"offenceDescriptions.{description}: '{code}' is not a Home Office offence code csa knows"));
            }
        }

        if (Delimiter.Length != 1)
        {
            issues.Add(new ImportIssue(path, 0, "delimiter must be one character"));
        }

        return issues;
    }
}

/// <summary>The columns of an extract, by field; null where the extract has no such column.</summary>
public sealed record ExtractColumns
{
    /// <summary>The crime reference (required).</summary>
    public string? CrimeReference { get; init; }

    /// <summary>The recorded date (required).</summary>
    public string? RecordedDate { get; init; }

    /// <summary>The Home Office offence code (this or <see cref="OffenceDescription"/>).</summary>
    public string? OffenceCode { get; init; }

    /// <summary>The offence description, used when there is no code column.</summary>
    public string? OffenceDescription { get; init; }

    /// <summary>The LSOA code (this or <see cref="Ward"/>).</summary>
    public string? Lsoa { get; init; }

    /// <summary>The ward code.</summary>
    public string? Ward { get; init; }

    /// <summary>The longitude (WGS84).</summary>
    public string? Longitude { get; init; }

    /// <summary>The latitude (WGS84).</summary>
    public string? Latitude { get; init; }

    /// <summary>The victim's age in years.</summary>
    public string? VictimAge { get; init; }

    /// <summary>The victim's sex.</summary>
    public string? VictimSex { get; init; }

    /// <summary>The offender's age in years.</summary>
    public string? OffenderAge { get; init; }

    /// <summary>The offender's sex.</summary>
    public string? OffenderSex { get; init; }

    /// <summary>Whether the victim supports the recording (read with the yes/no values).</summary>
    public string? VictimSupportsRecording { get; init; }
}
