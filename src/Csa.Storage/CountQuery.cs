using Csa.Core;
using Csa.Core.Geography;

namespace Csa.Storage;

/// <summary>What to count: street records in an area and period, grouped by some of month, crime type and ward.</summary>
/// <param name="Area">The area; records count when their LSOA lies in it.</param>
/// <param name="Period">The months, inclusive.</param>
/// <param name="Grouping">The dimensions to group by (none gives one total per crime/ASB split).</param>
public sealed record CountQuery(Area Area, Period Period, CountGrouping Grouping);

/// <summary>Dimensions that counts can be grouped by.</summary>
[Flags]
public enum CountGrouping
{
    /// <summary>No grouping: totals only.</summary>
    None = 0,

    /// <summary>By month.</summary>
    Month = 1,

    /// <summary>By data.police.uk crime type.</summary>
    CrimeType = 2,

    /// <summary>By electoral ward (through the LSOA lookup).</summary>
    Ward = 4,

    /// <summary>By the LSOA code the record carries.</summary>
    Lsoa = 8,

    /// <summary>By the force whose file holds the record (its data.police.uk slug).</summary>
    Force = 16,
}

/// <summary>One group's count.</summary>
/// <param name="Month">The month, when grouped by month.</param>
/// <param name="CrimeType">The crime type, when grouped by crime type.</param>
/// <param name="WardCode">The ward's code, when grouped by ward.</param>
/// <param name="WardName">The ward's name, when grouped by ward.</param>
/// <param name="IsAntiSocialBehaviour">Whether the group is anti-social behaviour (never added into crime).</param>
/// <param name="Count">The number of records.</param>
/// <param name="LsoaCode">The LSOA's code, when grouped by LSOA.</param>
/// <param name="ForceSlug">The force whose file holds the records, when grouped by force.</param>
public sealed record CrimeCountRow(Month? Month, string? CrimeType, string? WardCode, string? WardName, bool IsAntiSocialBehaviour, long Count, string? LsoaCode = null, string? ForceSlug = null);
