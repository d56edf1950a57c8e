namespace Csa.Core.Geography;

/// <summary>Where an LSOA or a ward lies, from the held geography lookups.</summary>
/// <param name="LsoaPlaces">Any held LSOA code (2011, or 2021-only) → its ward and district.</param>
/// <param name="WardDistricts">Ward code → district code.</param>
public sealed record PlaceLookup(IReadOnlyDictionary<string, (string Ward, string District)> LsoaPlaces, IReadOnlyDictionary<string, string> WardDistricts);
