namespace Csa.Core.Official;

/// <summary>The level of a Home Office police recorded crime table.</summary>
public enum RecordedCrimeLevel
{
    /// <summary>Police force areas (and British Transport Police and the national fraud bodies).</summary>
    Force,

    /// <summary>Community Safety Partnerships.</summary>
    Partnership,
}

/// <summary>One row of a Home Office police recorded crime table: a count of one offence code for one area and quarter.</summary>
/// <param name="Year">The financial year.</param>
/// <param name="Quarter">The quarter of the financial year, 1 (April–June) to 4 (January–March).</param>
/// <param name="Area">The force or partnership as the table names it (renamed bodies under their current name: see <see cref="OfficialBodies"/>).</param>
/// <param name="OffenceCode">The Home Office offence code (<c>8U</c>, <c>37.2</c>, <c>AF</c>).</param>
/// <param name="OffenceDescription">The offence as the row describes it.</param>
/// <param name="OffenceGroup">The row's offence group (a code's group is the one its row gives; names change between years).</param>
/// <param name="OffenceSubgroup">The row's offence subgroup.</param>
/// <param name="Count">The count as published: 0 where a force recorded none, negative for a Home Office adjustment.</param>
/// <param name="Line">The row's line in its file.</param>
public sealed record RecordedCrimeRow(
    FinancialYear Year,
    int Quarter,
    string Area,
    string OffenceCode,
    string OffenceDescription,
    string OffenceGroup,
    string OffenceSubgroup,
    long Count,
    int Line)
{
    /// <summary>Whether the row is fraud (the group "Fraud offences", by whichever body recorded it): left out of the headline
    /// total, of the severity score and of the match with street data, as ONS and the Home Office leave it out.</summary>
    public bool IsFraud => OffenceGroup.StartsWith("Fraud", StringComparison.OrdinalIgnoreCase);

    /// <summary>The row's quarter of its financial year.</summary>
    public FinancialQuarter FinancialQuarter => new(Year, Quarter);
}
