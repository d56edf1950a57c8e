using System.Globalization;
using Csa.Core;
using nietras.SeparatedValues;

namespace Csa.Analysis.Harm;

/// <summary>Crime Severity Score weights by Home Office offence code: ONS's (built in; the edition of its data tool current
/// around December 2020), optionally with a user's file adding or replacing codes.</summary>
/// <remarks>A weight is the severity of one offence of that code (broadly the average sentence in days). ONS leaves fraud out;
/// codes introduced after the weights' edition (8U controlling or coercive behaviour, 8T assaults on emergency workers, the
/// residential burglary codes of 2022/23) have none unless a file gives them.</remarks>
public sealed class SeverityWeights
{
    /// <summary>The edition of the built-in weights, as documents state it.</summary>
    public const string BuiltInEdition = "ONS Crime Severity Score weights (data tool edition of about December 2020; 134 offence codes)";

    readonly Dictionary<string, double> _weights;

    SeverityWeights(Dictionary<string, double> weights, string edition)
    {
        _weights = weights;
        Edition = edition;
    }

    /// <summary>Where the weights come from.</summary>
    public string Edition { get; }

    /// <summary>The number of codes with a weight.</summary>
    public int Count => _weights.Count;

    /// <summary>ONS's weights, built in.</summary>
    public static SeverityWeights BuiltIn()
    {
        using var stream = typeof(SeverityWeights).Assembly.GetManifestResourceStream("Csa.Analysis.Harm.ons-crime-severity-weights.csv")
            ?? throw new InvalidOperationException("The built-in severity weights are missing from the assembly.");
        using var reader = new StreamReader(stream);
        return new SeverityWeights(Read(reader.ReadToEnd(), "the built-in weights"), BuiltInEdition);
    }

    /// <summary>The built-in weights with the codes of <paramref name="path"/> (columns <c>Offence Code</c>, <c>Weight</c>) added or replaced.</summary>
    /// <exception cref="CsaQueryException">The file is missing or not such a file.</exception>
    public static SeverityWeights WithFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CsaQueryException($"{path}: no such weights file.");
        }

        var builtIn = BuiltIn();
        var weights = new Dictionary<string, double>(builtIn._weights, StringComparer.OrdinalIgnoreCase);
        foreach (var (code, weight) in Read(File.ReadAllText(path), path))
        {
            weights[code] = weight;
        }

        return new SeverityWeights(weights, $"{BuiltInEdition}, with {Path.GetFileName(path)}");
    }

    /// <summary>The weight of a code, or null when it has none.</summary>
    public double? Of(string offenceCode) => _weights.TryGetValue(offenceCode.Trim(), out var weight) ? weight : null;

    static Dictionary<string, double> Read(string text, string source)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromText(text);
        var header = reader.Header.ColNames;
        var (code, weight) = (header.ToList().FindIndex(h => h.Trim().Equals("Offence Code", StringComparison.OrdinalIgnoreCase)), header.ToList().FindIndex(h => h.Trim().Equals("Weight", StringComparison.OrdinalIgnoreCase)));
        if (code < 0 || weight < 0)
        {
            throw new CsaQueryException($"{source}: a weights file needs the columns Offence Code and Weight.");
        }

        var weights = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in reader)
        {
            var value2 = row[weight].ToString().Trim();
            if (!double.TryParse(value2, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                throw new CsaQueryException($"{source}:{row.LineNumberFrom}: '{value2}' is not a weight (a number, 0 or more).");
            }

            weights[row[code].ToString().Trim()] = value;
        }

        return weights;
    }
}
