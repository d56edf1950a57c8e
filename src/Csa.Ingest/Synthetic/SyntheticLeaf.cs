namespace Csa.Ingest.Synthetic;

/// <summary>A disjoint bucket of offences that the synthetic extract fills to an exact yearly count.</summary>
/// <param name="Name">The bucket's name.</param>
/// <param name="Codes">The Home Office codes it draws from, with their shares.</param>
/// <param name="Season">The month (1–12) of the seasonal peak.</param>
/// <param name="Counts">The yearly counts (calendar years); years missing scale from 2015 by the general trend.</param>
sealed record SyntheticLeaf(string Name, (string Code, double Share)[] Codes, int Season, IReadOnlyDictionary<int, int> Counts);
