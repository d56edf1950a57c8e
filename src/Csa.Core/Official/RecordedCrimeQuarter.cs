
namespace Csa.Core.Official;

/// <summary>One area's quarter of a Home Office recorded crime table as held: from which release, and its total.</summary>
/// <param name="Level">Force or partnership.</param>
/// <param name="AreaName">The area as published.</param>
/// <param name="Year">The financial year.</param>
/// <param name="Quarter">The quarter, 1 to 4.</param>
/// <param name="Release">The release it comes from (its publication date, or the time of its import when none was known).</param>
/// <param name="SourceFile">The file it was imported from.</param>
/// <param name="Total">The sum of its counts (adjustments included).</param>
public sealed record RecordedCrimeQuarter(RecordedCrimeLevel Level, string AreaName, FinancialYear Year, int Quarter, DateTimeOffset Release, string SourceFile, long Total);
