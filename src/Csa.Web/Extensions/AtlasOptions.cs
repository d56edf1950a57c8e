namespace Csa.Web.Extensions;

/// <summary>The atlas's settings (section "Atlas", or --Atlas:StorePath=… on the command line).</summary>
public sealed class AtlasOptions
{
    /// <summary>The store file, opened read-only.</summary>
    public string StorePath { get; set; } = "csa.duckdb";

    /// <summary>Public mode: aggregates only, small counts suppressed, no login.</summary>
    public bool Public { get; set; }

    /// <summary>In public mode, counts from 1 to this number are not shown.</summary>
    public int SuppressUpTo { get; set; } = 4;
}
