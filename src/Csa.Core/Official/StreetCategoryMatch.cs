namespace Csa.Core.Official;

/// <summary>Which data.police.uk street category a Home Office offence falls in, by its row's offence group and subgroup: the
/// groups that can be matched between the two views of recorded crime. Fraud cannot (data.police.uk publishes none).</summary>
public static class StreetCategoryMatch
{
    /// <summary>The Home Office offences that no street category holds.</summary>
    public const string Unmatched = "Fraud (data.police.uk publishes no fraud)";

    /// <summary>The street category of the row's offence, or null for fraud.</summary>
    public static string? Category(RecordedCrimeRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var (group, subgroup) = (row.OffenceGroup.Trim(), row.OffenceSubgroup.Trim());
        bool Group(string name) => group.Equals(name, StringComparison.OrdinalIgnoreCase);
        bool Sub(string text) => subgroup.Contains(text, StringComparison.OrdinalIgnoreCase);
        return true switch
        {
            _ when row.IsFraud => null,
            _ when Group("Violence against the person") || Group("Sexual offences") => "Violence and sexual offences",
            _ when Group("Robbery") => "Robbery",
            _ when Sub("burglary") => "Burglary",
            _ when Sub("vehicle") => "Vehicle crime",
            _ when Sub("theft from the person") => "Theft from the person",
            _ when Sub("bicycle") => "Bicycle theft",
            _ when Sub("shoplifting") => "Shoplifting",
            _ when Group("Theft offences") => "Other theft",
            _ when Group("Criminal damage and arson") => "Criminal damage and arson",
            _ when Group("Drug offences") => "Drugs",
            _ when Group("Possession of weapons offences") => "Possession of weapons",
            _ when Group("Public order offences") => "Public order",
            _ => "Other crime",
        };
    }
}
