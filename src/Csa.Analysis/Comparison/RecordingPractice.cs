using Csa.Analysis.Trees;
using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis.Comparison;

/// <summary>The share of a category's crimes recorded although the victim did not support the recording, in two
/// periods: the local measure of the recording change after HMIC's 2014 "Crime recording: making the victim count".</summary>
public sealed class RecordingPractice(ICsaStore store)
{
    /// <summary>Builds the table: one row per period, then the change.</summary>
    /// <exception cref="CsaQueryException">Unknown category, periods outside the data, or no extract held.</exception>
    public async Task<ResultTable> BuildAsync(Area area, CategoryTree tree, string category, Period earlier, Period later, IReadOnlyList<string> exclusions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var row = tree.Require(category);
        var counter = await CategoryCounter.CreateAsync(store, tree with { Rows = [row] }, area, exclusions, cancellationToken, earlier, later).ConfigureAwait(false);
        counter.CheckPeriod(earlier, "earlier (--period)");
        counter.CheckPeriod(later, "later (--vs)");
        var rows = new List<IReadOnlyList<object?>>();
        var shares = new List<double?>();
        foreach (var period in new[] { earlier, later })
        {
            var counts = await counter.CountRecordingAsync(row, period, cancellationToken).ConfigureAwait(false);
            var all = counts.Sum(c => c.Count);
            var notSupported = counts.Where(c => c.VictimSupportsRecording == false).Sum(c => c.Count);
            var notRecorded = counts.Where(c => c.VictimSupportsRecording is null).Sum(c => c.Count);
            var known = all - notRecorded;
            double? share = known == 0 ? null : Math.Round(100.0 * notSupported / known, 1, MidpointRounding.ToEven);
            shares.Add(share);
            rows.Add([period.ToString(), all, notSupported, notRecorded, share]);
        }

        rows.Add(["Change", (long)rows[1][1]! - (long)rows[0][1]!, (long)rows[1][2]! - (long)rows[0][2]!, null,
            shares[0] is { } a && shares[1] is { } b ? Math.Round(b - a, 1) : null]);
        var notes = new List<string>
        {
            "Share = crimes whose victim did not support the recording ÷ crimes where that is recorded (those with no answer are left out of the share); the change in the share is in percentage points.",
        };
        if (counter.ExclusionNote is { } excluded)
        {
            notes.Add(excluded);
        }

        notes.Add(counter.SourceNote);

        return ResultTable.Create(
            $"{area.Describe()}: {row.Label}, crimes recorded without the victim's support (tree: {tree.Name})" + (counter.IsSynthetic ? " [SYNTHETIC DATA]" : string.Empty),
            ["Period", "Crimes", "Victim does not support", "Not recorded", "Share without support %"],
            rows,
            notes);
    }
}
