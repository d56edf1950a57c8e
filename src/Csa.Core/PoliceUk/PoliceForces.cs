using Csa.Core.Geography;

namespace Csa.Core.PoliceUk;

/// <summary>The forces that publish on data.police.uk: the 43 territorial forces of England and Wales,
/// British Transport Police and the Police Service of Northern Ireland.</summary>
/// <remarks>Police force area codes are ONS's 2019 codes (PFA19CD).</remarks>
public static class PoliceForces
{
    /// <summary>Every force, by slug.</summary>
    public static IReadOnlyList<PoliceForce> All { get; } =
    [
        new("avon-and-somerset", "Avon and Somerset Constabulary", "E23000036"),
        new("bedfordshire", "Bedfordshire Police", "E23000026"),
        new("cambridgeshire", "Cambridgeshire Constabulary", "E23000023"),
        new("cheshire", "Cheshire Constabulary", "E23000006"),
        new("city-of-london", "City of London Police", "E23000034"),
        new("cleveland", "Cleveland Police", "E23000013"),
        new("cumbria", "Cumbria Constabulary", "E23000002"),
        new("derbyshire", "Derbyshire Constabulary", "E23000018"),
        new("devon-and-cornwall", "Devon & Cornwall Police", "E23000035"),
        new("dorset", "Dorset Police", "E23000039"),
        new("durham", "Durham Constabulary", "E23000008"),
        new("dyfed-powys", "Dyfed-Powys Police", "W15000004"),
        new("essex", "Essex Police", "E23000028"),
        new("gloucestershire", "Gloucestershire Constabulary", "E23000037"),
        new("greater-manchester", "Greater Manchester Police", "E23000005"),
        new("gwent", "Gwent Police", "W15000002"),
        new("hampshire", "Hampshire Constabulary", "E23000030"),
        new("hertfordshire", "Hertfordshire Constabulary", "E23000027"),
        new("humberside", "Humberside Police", "E23000012"),
        new("kent", "Kent Police", "E23000032"),
        new("lancashire", "Lancashire Constabulary", "E23000003"),
        new("leicestershire", "Leicestershire Police", "E23000021"),
        new("lincolnshire", "Lincolnshire Police", "E23000020"),
        new("merseyside", "Merseyside Police", "E23000004"),
        new("metropolitan", "Metropolitan Police Service", "E23000001"),
        new("norfolk", "Norfolk Constabulary", "E23000024"),
        new("north-wales", "North Wales Police", "W15000001"),
        new("north-yorkshire", "North Yorkshire Police", "E23000009"),
        new("northamptonshire", "Northamptonshire Police", "E23000022"),
        new("northumbria", "Northumbria Police", "E23000007"),
        new("nottinghamshire", "Nottinghamshire Police", "E23000019"),
        new("south-wales", "South Wales Police", "W15000003"),
        new("south-yorkshire", "South Yorkshire Police", "E23000011"),
        new("staffordshire", "Staffordshire Police", "E23000015"),
        new("suffolk", "Suffolk Constabulary", "E23000025"),
        new("surrey", "Surrey Police", "E23000031"),
        new("sussex", "Sussex Police", "E23000033"),
        new("thames-valley", "Thames Valley Police", "E23000029"),
        new("warwickshire", "Warwickshire Police", "E23000017"),
        new("west-mercia", "West Mercia Police", "E23000016"),
        new("west-midlands", "West Midlands Police", "E23000014"),
        new("west-yorkshire", "West Yorkshire Police", "E23000010"),
        new("wiltshire", "Wiltshire Police", "E23000038"),
        new("btp", "British Transport Police", null),
        new("northern-ireland", "Police Service of Northern Ireland", null),
    ];

    static readonly Dictionary<string, PoliceForce> BySlug = All.ToDictionary(f => f.Slug, StringComparer.Ordinal);

    /// <summary>The 43 territorial forces of England and Wales: those with a police force area.</summary>
    public static IReadOnlyList<PoliceForce> Territorial { get; } = [.. All.Where(f => f.PoliceForceAreaCode is not null)];

    /// <summary>Finds a force as a user or a table names it: its slug (<c>thames-valley</c>), its police force area code, its
    /// name (<c>Thames Valley Police</c>, <c>Metropolitan Police Service</c>) or its area's name (<c>Thames Valley</c>,
    /// <c>Metropolitan Police</c>, <c>Devon and Cornwall</c>, ONS's inverted <c>London, City of</c>), ignoring case,
    /// punctuation and "&amp;" against "and".</summary>
    public static bool TryFind(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PoliceForce? force)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var comma = trimmed.IndexOf(", ", StringComparison.Ordinal);
        var wanted = new[] { trimmed, comma > 0 ? $"{trimmed[(comma + 2)..]} {trimmed[..comma]}" : trimmed }.Select(AreaNames.MatchKey).ToHashSet(StringComparer.Ordinal);
        force = All.FirstOrDefault(f => string.Equals(f.PoliceForceAreaCode, trimmed, StringComparison.OrdinalIgnoreCase)
            || Names(f).Any(wanted.Contains));
        return force is not null;
    }

    /// <summary>A force's names, normalised: its slug, its name, and its name without "Police Service", "Service", "Constabulary" or "Police".</summary>
    static IEnumerable<string> Names(PoliceForce force)
    {
        yield return AreaNames.MatchKey(force.Slug);
        yield return AreaNames.MatchKey(force.Name);
        foreach (var suffix in new[] { " Police Service", " Service", " Constabulary", " Police" })
        {
            if (force.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                yield return AreaNames.MatchKey(force.Name[..^suffix.Length]);
            }
        }
    }

    /// <summary>Finds a force by its file-name slug.</summary>
    public static bool TryGetBySlug(string slug, out PoliceForce force) =>
        BySlug.TryGetValue(slug, out force!);
}
