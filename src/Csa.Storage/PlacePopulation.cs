namespace Csa.Storage;

/// <summary>The population estimate of one ward or LSOA in one year.</summary>
/// <param name="Year">The year of the mid-year estimate.</param>
/// <param name="Code">The ward's or LSOA's code.</param>
/// <param name="Population">The estimate: for a ward, the sum over its LSOAs that have one.</param>
public sealed record PlacePopulation(int Year, string Code, double Population);
