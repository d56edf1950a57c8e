using Csa.Core;

namespace Csa.Ingest.Fetch;

/// <summary>Which data.police.uk archives cover a run of months: the archive of month M holds the latest 36 months of every
/// force, M−35 to M, so the fewest archives are those of the last month asked for and of every 36th month before it.</summary>
public static class ArchivePlan
{
    /// <summary>The months one archive holds.</summary>
    public const int MonthsPerArchive = 36;

    /// <summary>The archive months to fetch for <paramref name="period"/>, latest first, each with the months of the period it serves.</summary>
    public static IReadOnlyList<(Month Archive, Period Serves)> For(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var plan = new List<(Month, Period)>();
        var last = period.To;
        while (last >= period.From)
        {
            var first = last.AddMonths(-(MonthsPerArchive - 1));
            plan.Add((last, Period.Create(first < period.From ? period.From : first, last)));
            last = first.AddMonths(-1);
        }

        return plan;
    }
}
