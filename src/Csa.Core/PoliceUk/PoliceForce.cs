namespace Csa.Core.PoliceUk;

/// <summary>A police force as data.police.uk names it in its files.</summary>
/// <param name="Slug">The force's part of the file name (<c>cambridgeshire</c> in <c>2019-07-cambridgeshire-street.csv</c>).</param>
/// <param name="Name">The force's usual name.</param>
/// <param name="PoliceForceAreaCode">The ONS police force area code (E23…/W15…), or null for forces with no area (British Transport Police, Police Service of Northern Ireland).</param>
public sealed record PoliceForce(string Slug, string Name, string? PoliceForceAreaCode);
