using Csa.Core.Extract;

namespace Csa.Storage;

/// <summary>Extract crimes in an area and period by the victim's or offender's age and sex.</summary>
/// <param name="Role">Victim or offender.</param>
/// <param name="Age">The age in years, or null where not recorded.</param>
/// <param name="Sex">The sex recorded.</param>
/// <param name="Count">The number of crimes.</param>
public sealed record ExtractPersonCount(PersonRole Role, int? Age, Sex Sex, long Count);
