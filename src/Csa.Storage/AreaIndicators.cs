using Csa.Core.Geography;

namespace Csa.Storage;

/// <summary>Published indicators of an area, for proposing a most similar group.</summary>
/// <param name="Area">The area.</param>
/// <param name="Population">Its population (sum of its LSOAs' estimates).</param>
/// <param name="MeanDeprivationRank">The mean Index of Multiple Deprivation rank of its LSOAs (1 = most deprived).</param>
public sealed record AreaIndicators(Area Area, double Population, double MeanDeprivationRank);
