namespace Csa.Core.Classification;

/// <summary>The crime markers (Home Office crime flags and local markers) csa reads from police extracts.</summary>
/// <remarks>Keys are lower-case words joined by hyphens; a mapping file names them as written here.</remarks>
public static class Markers
{
    /// <summary>Domestic abuse.</summary>
    public const string DomesticAbuse = "domestic-abuse";

    /// <summary>Hate crime.</summary>
    public const string HateCrime = "hate-crime";

    /// <summary>Child sexual exploitation.</summary>
    public const string ChildSexualExploitation = "child-sexual-exploitation";

    /// <summary>Child sexual abuse.</summary>
    public const string ChildSexualAbuse = "child-sexual-abuse";

    /// <summary>Child abuse.</summary>
    public const string ChildAbuse = "child-abuse";

    /// <summary>Cyber-enabled or cyber-dependent crime.</summary>
    public const string Cyber = "cyber";

    /// <summary>Human trafficking and modern slavery.</summary>
    public const string HumanTrafficking = "human-trafficking";

    /// <summary>A vulnerable victim.</summary>
    public const string VulnerableVictim = "vulnerable-victim";

    /// <summary>Safeguarding of vulnerable adults.</summary>
    public const string SafeguardingVulnerableAdults = "safeguarding-vulnerable-adults";

    /// <summary>Recorded through Action Fraud.</summary>
    public const string ActionFraud = "action-fraud";

    /// <summary>Alcohol-related.</summary>
    public const string AlcoholRelated = "alcohol-related";

    /// <summary>Every marker key, with the label the seed document uses for it.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DomesticAbuse] = "Domestic Abuse",
        [HateCrime] = "Hate Crime",
        [ChildSexualExploitation] = "Child Sexual Exploitation",
        [ChildSexualAbuse] = "Child Sexual Abuse",
        [ChildAbuse] = "Child Abuse",
        [Cyber] = "Cyber Crime",
        [HumanTrafficking] = "Human Trafficking",
        [VulnerableVictim] = "Crimes with a vulnerable victim",
        [SafeguardingVulnerableAdults] = "Safeguarding of Vulnerable Adults",
        [ActionFraud] = "Action Fraud",
        [AlcoholRelated] = "Alcohol-related",
    };

    /// <summary>Whether <paramref name="key"/> is a marker csa knows.</summary>
    public static bool IsKnown(string key) => All.ContainsKey(key);

    /// <summary>Markers whose crimes only district-level (or larger) public output may show.</summary>
    public static IReadOnlyList<string> Restricted { get; } = [ChildSexualExploitation, ChildSexualAbuse, DomesticAbuse, HumanTrafficking];
}
