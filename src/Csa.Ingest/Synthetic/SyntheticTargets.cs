namespace Csa.Ingest.Synthetic;

/// <summary>
/// The counts the synthetic extract reproduces exactly: the seed's Appendix A (Huntingdonshire, Jan–Dec 2015
/// and Jan–Dec 2016), split into disjoint offence buckets, and the multi-year violence figures the seed states.
/// </summary>
/// <remarks>
/// Buckets add up to every row of Appendix A: for example violence without injury (988 / 1,264) is
/// harassment (190 / 246) + modern slavery (8 / 0) + the rest (790 / 1,018), and all violence (1,642 / 1,989)
/// adds homicide and death by driving (0 / 2) to violence with and without injury. The splits inside a row,
/// and other crimes against society (693 / 812, not broken down in Appendix A), are csa's choice.
/// Calendar 2013 is set so that, as the seed states, harassment rose 219% (+169) to 2016 and violence
/// without injury excluding harassment rose 148%.
/// </remarks>
static class SyntheticTargets
{
    static Dictionary<int, int> Years(int y2015, int y2016, params (int Year, int Count)[] more)
    {
        var counts = new Dictionary<int, int> { [2015] = y2015, [2016] = y2016 };
        foreach (var (year, count) in more)
        {
            counts[year] = count;
        }

        return counts;
    }

    public const string ViolenceWithInjury = "violence with injury";
    public const string ViolenceWithoutInjuryOther = "violence without injury (other)";
    public const string Harassment = "harassment";
    public const string ModernSlavery = "modern slavery";

    public static IReadOnlyList<SyntheticLeaf> Leaves { get; } =
    [
        new("homicide", [("1", 1)], 7, Years(0, 1, (2011, 0), (2012, 1), (2013, 0), (2014, 0), (2017, 0))),
        new("death by driving", [("4.4", 1)], 7, Years(0, 1, (2011, 1), (2012, 0), (2013, 1), (2014, 0), (2017, 0))),
        new(ViolenceWithInjury, [("8N", 0.86), ("5D", 0.04), ("8S", 0.05), ("8P", 0.03), ("2", 0.02)], 7, Years(654, 723, (2011, 520), (2012, 500), (2013, 470), (2014, 560))),
        new(Harassment, [("8L", 0.45), ("8R", 0.45), ("8Q", 0.07), ("8M", 0.03)], 6, Years(190, 246, (2011, 70), (2012, 72), (2013, 77), (2014, 120))),
        new(ViolenceWithoutInjuryOther, [("105A", 0.82), ("104", 0.05), ("105B", 0.03), ("3B", 0.05), ("11A", 0.03), ("13", 0.01), ("36", 0.01)], 7, Years(790, 1018, (2011, 380), (2012, 370), (2013, 410), (2014, 600))),
        new(ModernSlavery, [("106", 1)], 6, Years(8, 0, (2011, 0), (2012, 0), (2013, 0), (2014, 1), (2017, 0))),
        new("serious sexual offences", [("19C", 0.3), ("20A", 0.3), ("22B", 0.15), ("21", 0.1), ("17A", 0.05), ("19D", 0.05), ("22A", 0.05)], 6, Years(175, 205)),
        new("other sexual offences", [("88E", 0.5), ("88A", 0.25), ("23", 0.1), ("88C", 0.15)], 6, Years(45, 62)),
        new("robbery of business property", [("34A", 1)], 12, Years(10, 8)),
        new("robbery of personal property", [("34B", 1)], 11, Years(52, 67)),
        new("residential burglary", [("28A", 0.8), ("28B", 0.2)], 12, Years(338, 343)),
        new("non-residential burglary", [("30A", 0.85), ("30B", 0.15)], 1, Years(613, 490)),
        new("shoplifting", [("46", 1)], 12, Years(529, 620)),
        new("theft from the person", [("39", 1)], 12, Years(95, 113)),
        new("bicycle theft", [("44", 1)], 8, Years(278, 233)),
        new("vehicle offences", [("45", 0.55), ("48", 0.25), ("126", 0.15), ("37.2", 0.05)], 11, Years(646, 777)),
        new("other theft", [("49", 0.8), ("49A", 0.08), ("40", 0.05), ("41", 0.03), ("35", 0.02), ("47", 0.02)], 8, Years(1120, 1166)),
        new("criminal damage to dwellings", [("58A", 1)], 10, Years(209, 274)),
        new("criminal damage to other buildings", [("58B", 1)], 10, Years(114, 79)),
        new("criminal damage to vehicles", [("58C", 1)], 10, Years(462, 596)),
        new("criminal damage other", [("58D", 1)], 10, Years(342, 360)),
        new("racially aggravated criminal damage", [("58J", 1)], 6, Years(1, 3)),
        new("arson", [("56B", 0.8), ("56A", 0.2)], 11, Years(52, 60)),
        new("drug offences", [("92E", 0.6), ("92D", 0.25), ("92A", 0.15)], 3, Years(277, 325)),
        new("possession of weapons", [("10D", 0.6), ("10C", 0.4)], 6, Years(55, 65)),
        new("public order", [("9A", 0.8), ("9B", 0.1), ("62A", 0.03), ("66", 0.07)], 7, Years(291, 341)),
        new("miscellaneous crimes against society", [("54", 0.3), ("83", 0.2), ("99", 0.3), ("33", 0.2)], 5, Years(70, 81)),
    ];

    /// <summary>Other years of leaves with no count of their own: 2015 × this factor (long-term fall, as the seed describes).</summary>
    public static double TrendFactor(int year) => year switch
    {
        <= 2011 => 1.16,
        2012 => 1.10,
        2013 => 1.05,
        2014 => 0.98,
        2015 => 1.0,
        _ => 1.1,
    };

    /// <summary>Markers and their exact counts in 2015 and 2016 (Appendix A; hate crime from the seed's text: 87 in 2016, up 16%).</summary>
    public static IReadOnlyList<(string Marker, int Y2015, int Y2016, Func<string, bool> Eligible)> MarkerCounts { get; } =
    [
        (Core.Classification.Markers.VulnerableVictim, 1650, 1861, IsVictimBased),
        (Core.Classification.Markers.ChildAbuse, 166, 215, code => IsViolence(code) || IsSexual(code)),
        (Core.Classification.Markers.ChildSexualAbuse, 0, 42, IsSexual),
        (Core.Classification.Markers.ChildSexualExploitation, 17, 43, IsSexual),
        (Core.Classification.Markers.DomesticAbuse, 785, 1010, code => IsViolence(code) || code == "58A"),
        (Core.Classification.Markers.HumanTrafficking, 8, 0, code => code == "106"),
        (Core.Classification.Markers.Cyber, 44, 66, code => code is "8R" or "8L" or "88A" or "49"),
        (Core.Classification.Markers.SafeguardingVulnerableAdults, 44, 47, IsVictimBased),
        (Core.Classification.Markers.HateCrime, 75, 87, code => code is "105B" or "8M" or "8P" or "9B" or "58J" or "105A" or "8N" or "9A"),
    ];

    static bool IsViolence(string code) =>
        Core.Classification.OffenceCodes.TryFind(code, out var o) && o.Group == "Violence against the person" && code != "4.4" && code != "1" && code != "106";

    static bool IsSexual(string code) =>
        Core.Classification.OffenceCodes.TryFind(code, out var o) && o.Group == "Sexual offences";

    static bool IsVictimBased(string code) =>
        Core.Classification.OffenceCodes.TryFind(code, out var o) && o.IsVictimBased;

    /// <summary>The seed's multi-year rises, 2013/14 to 2015/16, which the synthetic extract reproduces to one decimal.</summary>
    public static IReadOnlyList<(string Leaf, IReadOnlyList<string> Group, double RisePercent)> FinancialYearRises { get; } =
    [
        (ViolenceWithInjury, [ViolenceWithInjury], 40.4),
        (ViolenceWithoutInjuryOther, [ViolenceWithoutInjuryOther, Harassment, ModernSlavery], 94.0),
    ];
}
