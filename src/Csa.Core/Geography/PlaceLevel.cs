namespace Csa.Core.Geography;

/// <summary>The small areas an atlas map is drawn in.</summary>
public enum PlaceLevel
{
    /// <summary>Electoral wards.</summary>
    Ward,

    /// <summary>2011 Lower Layer Super Output Areas.</summary>
    Lsoa,
}
