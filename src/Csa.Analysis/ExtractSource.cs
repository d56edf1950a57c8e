using Csa.Storage;

namespace Csa.Analysis;

/// <summary>Where the held extract came from, for the source line of every figure made from it: its file names,
/// and whether it is synthetic (then said in capitals, as csa labels synthetic data wherever it appears).</summary>
public sealed record ExtractSource(bool IsSynthetic, string Note)
{
    /// <summary>The coverage of this extract, which holds the months of <paramref name="span"/> (null: none).</summary>
    public Coverage.SpanCoverage Coverage(Core.Period? span) =>
        new($"the local police extract{(IsSynthetic ? " (SYNTHETIC)" : string.Empty)}", span);

    /// <summary>Describes the extract files in the store's import ledger.</summary>
    public static async Task<ExtractSource> DescribeAsync(ICsaStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var files = (await store.GetImportedFilesAsync(cancellationToken).ConfigureAwait(false))
            .Where(f => f.Kind.StartsWith("extract", StringComparison.Ordinal))
            .ToArray();
        var synthetic = files.Any(f => f.Kind == "extract-synthetic");
        var names = string.Join(", ", files.Select(f => Path.GetFileName(f.Source.Name)).Distinct());
        return new ExtractSource(synthetic, synthetic
            ? $"Source: local police extract {names}. SYNTHETIC DATA: made by csa synth extract, not real crime records."
            : $"Source: local police extract {names}.");
    }
}
