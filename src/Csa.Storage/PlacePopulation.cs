namespace Csa.Storage;

/// <summary>The small areas an atlas map is drawn in.</summary>
public enum PlaceLevel
{
    /// <summary>Electoral wards.</summary>
    Ward,

    /// <summary>2011 Lower Layer Super Output Areas.</summary>
    Lsoa,
}

/// <summary>The population estimate of one ward or LSOA in one year.</summary>
/// <param name="Year">The year of the mid-year estimate.</param>
/// <param name="Code">The ward's or LSOA's code.</param>
/// <param name="Population">The estimate: for a ward, the sum over its LSOAs that have one.</param>
public sealed record PlacePopulation(int Year, string Code, double Population);
