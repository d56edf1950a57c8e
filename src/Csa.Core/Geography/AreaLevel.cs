namespace Csa.Core.Geography;

/// <summary>The levels of area that crimes aggregate to, smallest first.</summary>
public enum AreaLevel
{
    /// <summary>An electoral ward (E05…/W05…), through the LSOA → ward lookup.</summary>
    Ward,

    /// <summary>A local authority district (E06…, E07…, E08…, E09…, W06…).</summary>
    District,

    /// <summary>A Community Safety Partnership (E22…/W22…), made of one or more districts.</summary>
    Partnership,

    /// <summary>A police force area (E23…/W15…), made of districts.</summary>
    ForceArea,
}
