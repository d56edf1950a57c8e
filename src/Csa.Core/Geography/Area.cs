namespace Csa.Core.Geography;

/// <summary>A named area that crimes can be counted for.</summary>
/// <param name="Code">The ONS code (E05011234, E07000011, E22000016, E23000023).</param>
/// <param name="Name">The ONS name (Huntingdonshire).</param>
/// <param name="Level">The area's level.</param>
/// <param name="ParentName">The name of the district that holds a ward, else null: it tells wards of the same name apart.</param>
public sealed record Area(string Code, string Name, AreaLevel Level, string? ParentName)
{
    /// <summary>A one-line description for messages: "Huntingdonshire (district E07000011)".</summary>
    public string Describe()
    {
        var level = Level switch
        {
            AreaLevel.Ward => "ward",
            AreaLevel.District => "district",
            AreaLevel.Partnership => "community safety partnership",
            _ => "police force area",
        };
        return ParentName is null ? $"{Name} ({level} {Code})" : $"{Name} ({level} {Code} in {ParentName})";
    }
}
