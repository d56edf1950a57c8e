using Csa.Statistics;

namespace Csa.Analysis.Disclosure;

/// <summary>What the public may be shown of one financial year's extract figures: every cell, or null where it is
/// suppressed, decided once for all the answers that year so that no answer or combination of answers reveals a
/// suppressed count.</summary>
/// <remarks>
/// Counts from 1 to the threshold are suppressed (primary). Then the interval attack (<see cref="DisclosureAudit"/>)
/// is run on everything published; while it pins a suppressed cell or shows it is not zero, the smallest published cell
/// of a relation that gives it away is suppressed too (secondary), and the attack is run again.
/// </remarks>
public sealed class ExtractRelease
{
    readonly IReadOnlyDictionary<string, long?> _shown;

    ExtractRelease(IReadOnlyDictionary<string, long?> shown) => _shown = shown;

    /// <summary>A cell as it may be shown (null: suppressed); false for a cell the release does not hold (an area with no
    /// extract crime that year).</summary>
    public bool TryGet(string key, out long? shown) => _shown.TryGetValue(key, out shown);

    /// <summary>Decides the suppression.</summary>
    /// <param name="cells">The cells and their relations.</param>
    /// <param name="threshold">Counts from 1 to this are suppressed.</param>
    /// <param name="secondary">Whether to add secondary suppression (false only to show, in tests, what it prevents).</param>
    public static ExtractRelease Decide(ExtractCells cells, int threshold, bool secondary = true)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var hidden = cells.Values.Where(c => c.Value >= 1 && c.Value <= threshold).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var byCell = cells.Equations.SelectMany(e => e.Terms.Select(t => (t.Cell, Equation: e)))
            .GroupBy(x => x.Cell, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Equation).ToArray(), StringComparer.Ordinal);
        while (secondary)
        {
            var shown = Shown(cells, hidden);
            var disclosed = DisclosureAudit.Attack(shown, cells.Equations).Where(b => b.IsDisclosed).Select(b => b.Cell).Order(StringComparer.Ordinal).ToArray();
            var added = false;
            foreach (var cell in disclosed)
            {
                // In the relation with the fewest suppressed cells, suppress its smallest published cell as well.
                var partner = byCell.GetValueOrDefault(cell, [])
                    .Select(e => e.Terms.Select(t => t.Cell).Where(c => !hidden.Contains(c)).ToArray())
                    .Where(published => published.Length > 0)
                    .OrderBy(published => published.Length)
                    .Select(published => published.OrderBy(c => cells.Values[c]).ThenBy(c => c, StringComparer.Ordinal).First())
                    .FirstOrDefault();
                if (partner is not null && hidden.Add(partner))
                {
                    added = true;
                }
            }

            if (!added)
            {
                break;
            }
        }

        return new ExtractRelease(Shown(cells, hidden));
    }

    static Dictionary<string, long?> Shown(ExtractCells cells, HashSet<string> hidden) =>
        cells.Values.ToDictionary(c => c.Key, c => hidden.Contains(c.Key) ? null : (long?)c.Value, StringComparer.Ordinal);
}
