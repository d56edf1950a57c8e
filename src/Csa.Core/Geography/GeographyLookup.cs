namespace Csa.Core.Geography;

/// <summary>A validated ONS lookup file, of one of the kinds csa reads.</summary>
/// <param name="Vintage">The code vintage written in the file's column names (for example "WD19/LAD19").</param>
public abstract record GeographyLookup(string Vintage)
{
    /// <summary>The number of rows in the lookup.</summary>
    public abstract int RowCount { get; }

    /// <summary>What a user should know about the lookup's content (a district split between partnerships).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>LSOA → electoral ward → local authority district (ONS's LSOA11CD, WD19CD, LAD19CD file).</summary>
/// <param name="Vintage">The code vintage.</param>
/// <param name="Rows">One row per LSOA.</param>
public sealed record LsoaWardDistrictLookup(string Vintage, IReadOnlyList<LsoaWardDistrict> Rows) : GeographyLookup(Vintage)
{
    /// <inheritdoc/>
    public override int RowCount => Rows.Count;
}

/// <summary>Local authority district → Community Safety Partnership → police force area (LAD19CD, CSP19CD, PFA19CD).</summary>
/// <param name="Vintage">The code vintage.</param>
/// <param name="Rows">One row per district.</param>
public sealed record DistrictHierarchyLookup(string Vintage, IReadOnlyList<DistrictHierarchy> Rows) : GeographyLookup(Vintage)
{
    /// <inheritdoc/>
    public override int RowCount => Rows.Count;
}

/// <summary>2011 LSOA → 2021 LSOA (LSOA11CD, LSOA21CD): how data.police.uk's newer codes map onto the older.</summary>
/// <param name="Vintage">The code vintage.</param>
/// <param name="Rows">One row per (2011, 2021) pair: splits and merges give several rows per code.</param>
public sealed record LsoaVintageLookup(string Vintage, IReadOnlyList<LsoaVintageLink> Rows) : GeographyLookup(Vintage)
{
    /// <inheritdoc/>
    public override int RowCount => Rows.Count;
}

/// <summary>One LSOA with its ward and district.</summary>
public sealed record LsoaWardDistrict(string LsoaCode, string LsoaName, string WardCode, string WardName, string DistrictCode, string DistrictName);

/// <summary>One district with its partnership and police force area.</summary>
public sealed record DistrictHierarchy(string DistrictCode, string DistrictName, string PartnershipCode, string PartnershipName, string ForceAreaCode, string ForceAreaName);

/// <summary>One link between a 2011 LSOA and a 2021 LSOA.</summary>
public sealed record LsoaVintageLink(string Lsoa11Code, string Lsoa21Code, string Lsoa21Name);
