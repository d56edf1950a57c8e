using Csa.Core;
using Csa.Storage;

namespace Csa.Analysis;

/// <summary>Which months of street data are held for each force, and the gaps between them.</summary>
/// <remarks>
/// A gap is a month absent between the first and the last month held for a force. Every figure that
/// spans a gap is incomplete, and csa says so beside it.
/// </remarks>
public sealed class DataCoverage
{
    readonly Dictionary<string, SortedSet<Month>> _held;

    DataCoverage(Dictionary<string, SortedSet<Month>> held) => _held = held;

    /// <summary>The forces held, by slug.</summary>
    public IReadOnlyList<string> Forces => [.. _held.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether any street data is held.</summary>
    public bool IsEmpty => _held.Count == 0;

    /// <summary>The earliest month held for any force.</summary>
    public Month First => _held.Values.Min(months => months.Min);

    /// <summary>The latest month held for any force.</summary>
    public Month Last => _held.Values.Max(months => months.Max);

    /// <summary>Builds the coverage from the held (force, month) pairs.</summary>
    public static DataCoverage From(IEnumerable<ForceMonth> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        var byForce = new Dictionary<string, SortedSet<Month>>(StringComparer.Ordinal);
        foreach (var item in held)
        {
            if (!byForce.TryGetValue(item.ForceSlug, out var months))
            {
                byForce[item.ForceSlug] = months = [];
            }

            months.Add(item.Month);
        }

        return new DataCoverage(byForce);
    }

    /// <summary>The months held for a force.</summary>
    public IReadOnlySet<Month> HeldMonths(string forceSlug) => _held.TryGetValue(forceSlug, out var months) ? months : new SortedSet<Month>();

    /// <summary>The months missing between a force's first and last held months.</summary>
    public IReadOnlyList<Month> Gaps(string forceSlug)
    {
        if (!_held.TryGetValue(forceSlug, out var months))
        {
            return [];
        }

        return [.. Period.Create(months.Min, months.Max).Months.Where(m => !months.Contains(m))];
    }

    /// <summary>The months of <paramref name="period"/> that some held force lacks, with the forces that lack each.</summary>
    public IReadOnlyList<(Month Month, IReadOnlyList<string> Forces)> MissingIn(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return [.. period.Months
            .Select(month => (month, (IReadOnlyList<string>)[.. Forces.Where(f => !_held[f].Contains(month))]))
            .Where(item => item.Item2.Count > 0)];
    }

    /// <summary>Notes for a figure over <paramref name="period"/>: one per run of missing months.</summary>
    public IReadOnlyList<string> NotesFor(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var notes = new List<string>();
        foreach (var force in Forces)
        {
            var missing = period.Months.Where(m => !_held[force].Contains(m)).ToArray();
            if (missing.Length > 0)
            {
                notes.Add(
                    $"Data gap: no {force} street data is held for {DescribeMonths(missing)}. " +
                    "Figures over this period are incomplete: a missing month is not a fall in crime.");
            }
        }

        return notes;
    }

    /// <summary>Writes months compactly: runs as FROM..TO, separated by commas.</summary>
    public static string DescribeMonths(IReadOnlyList<Month> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var runs = new List<string>();
        var i = 0;
        while (i < months.Count)
        {
            var j = i;
            while (j + 1 < months.Count && months[j + 1] == months[j].AddMonths(1))
            {
                j++;
            }

            runs.Add(Period.Create(months[i], months[j]).ToString());
            i = j + 1;
        }

        return string.Join(", ", runs);
    }
}
