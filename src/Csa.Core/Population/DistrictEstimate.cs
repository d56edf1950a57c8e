namespace Csa.Core.Population;

/// <summary>ONS's mid-year population estimate of one local authority district (as of the estimates' boundaries) for one year.</summary>
/// <param name="Code">The district's ONS code (E06, E07, E08, E09, W06).</param>
/// <param name="Name">Its name.</param>
/// <param name="Year">The year (mid-year).</param>
/// <param name="Population">The estimate.</param>
public sealed record DistrictEstimate(string Code, string Name, int Year, double Population);
