using System.Diagnostics.CodeAnalysis;

namespace Csa.Core.Classification;

/// <summary>The Home Office offence codes csa knows, with their ONS group and subgroup.</summary>
/// <remarks>
/// <para>Edition: the codes of the Home Office police recorded crime open data for 2017/18, arranged in the
/// current ONS hierarchy: later names (Residential burglary, Rape, Miscellaneous crimes against society)
/// and death or serious injury by unlawful driving (4/4, 4/6, 4/8, 4/9, 37/1) as its own subgroup of
/// violence against the person. Codes added to the Counting Rules after 2017/18 are not known.</para>
/// <para>The data.police.uk type of each code follows a published hand-made mapping (crime_sim_toolkit),
/// not data.police.uk's official one, which was not available: see the police-uk tree.</para>
/// <para>Data, not code: the list is the embedded file <c>Classification/offence-codes.csv</c>.</para>
/// </remarks>
public static class OffenceCodes
{
    /// <summary>The edition of the code list.</summary>
    public const string Edition = "Home Office Counting Rules codes of the 2017/18 police recorded crime open data";

    /// <summary>Every code, in the file's order.</summary>
    public static IReadOnlyList<OffenceCode> All { get; } = Load();

    static readonly Dictionary<string, OffenceCode> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    static readonly Dictionary<string, OffenceCode> ByDescription = All
        .GroupBy(c => c.Description, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes a code as csa does: trimmed, upper case, HOCR's <c>/</c> as <c>.</c>.</summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Trim().ToUpperInvariant().Replace('/', '.');
    }

    /// <summary>Finds a code, written either way (<c>4/4</c> or <c>4.4</c>, any case).</summary>
    public static bool TryFind(string code, [NotNullWhen(true)] out OffenceCode? offence) =>
        ByCode.TryGetValue(Normalize(code), out offence);

    /// <summary>Finds an offence by its description (ignoring case).</summary>
    public static bool TryFindByDescription(string description, [NotNullWhen(true)] out OffenceCode? offence)
    {
        ArgumentNullException.ThrowIfNull(description);
        return ByDescription.TryGetValue(description.Trim(), out offence);
    }

    static OffenceCode[] Load()
    {
        using var stream = typeof(OffenceCodes).Assembly.GetManifestResourceStream("Csa.Core.Classification.offence-codes.csv")
            ?? throw new InvalidOperationException("The embedded offence code list is missing.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(SimpleCsv.Split)
            .Select(f => new OffenceCode(f[0], f[1], f[2], f[3], f[4].Length == 0 ? null : f[4]))];
    }
}
