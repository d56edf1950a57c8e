using Csa.Core.Extract;

namespace Csa.Storage;

/// <summary>Whose age and sex a count of extract crimes is by.</summary>
public enum PersonRole
{
    /// <summary>The victim.</summary>
    Victim,

    /// <summary>The offender (suspect).</summary>
    Offender,
}

/// <summary>Extract crimes in an area and period by the victim's or offender's age and sex.</summary>
/// <param name="Role">Victim or offender.</param>
/// <param name="Age">The age in years, or null where not recorded.</param>
/// <param name="Sex">The sex recorded.</param>
/// <param name="Count">The number of crimes.</param>
public sealed record ExtractPersonCount(PersonRole Role, int? Age, Sex Sex, long Count);
