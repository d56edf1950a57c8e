using Csa.Analysis.Rates;

namespace Csa.Analysis.Tests.Rates;

/// <summary>The seed's "ranked 13 of 15 … a rate of around 11.4 compared to the most similar area average of 13.6", from a constructed group.</summary>
public class GroupRankingsTests
{
    static readonly long[] Others = [1200, 1250, 1300, 1350, 1400, 1450, 1460, 1500, 1520, 1560, 1580, 1590, 1000, 1100];

    static List<GroupMember> Group()
    {
        var members = Others.Select((count, i) => new GroupMember($"E2200{i:D4}", $"Constructed partnership {i + 1}", count, 100_000, null)).ToList();
        members.Add(new GroupMember("E22000016", "Huntingdonshire", 1140, 100_000, null));
        return members;
    }

    [Fact]
    public void Rank_ConstructedGroup_ReproducesThirteenOfFifteen()
    {
        var ranking = GroupRankings.Rank(Group(), "E22000016", includeAreaInAverage: true);

        Assert.Equal(13, ranking.AreaRank);
        Assert.Equal(15, ranking.Ranked);
        Assert.Equal(13.6, ranking.GroupRate, 1e-9);
        Assert.Equal(11.4, ranking.Members.Single(m => m.Member.Code == "E22000016").Rate!.Value, 1e-9);
        Assert.Equal(-1, ranking.AreaVersusGroup);
        Assert.Equal(1360, ranking.Expected, 1e-9);
    }

    [Fact]
    public void Rank_TiesShareTheLowestRankAndMissingMembersAreNotRanked()
    {
        var members = new List<GroupMember>
        {
            new("E22000001", "A", 30, 1000, null),
            new("E22000002", "B", 20, 1000, null),
            new("E22000003", "C", 20, 1000, null),
            new("E22000004", "D", 10, 1000, null),
            new("E22000005", "E", null, null, "no data held"),
        };

        var ranking = GroupRankings.Rank(members, "E22000004", includeAreaInAverage: false);

        Assert.Equal([1, 2, 2, 4, null], ranking.Members.Select(m => m.Rank));
        Assert.Equal(4, ranking.Ranked);
        Assert.Equal(70.0 / 3000 * 1000, ranking.GroupRate, 1e-9);
    }

    /// <summary>The two conventions differ when the members differ in size: a hand computation on a SYNTHETIC group of a large
    /// member with a low rate and two small ones with high rates.</summary>
    [Fact]
    public void TheWeightedAverage_AndTheSimpleMean_AreBothGiven_AndDifferForMembersOfDifferentSize()
    {
        var members = new List<GroupMember>
        {
            new("E22000001", "Large", 1_000, 1_000_000, null),  // 1 per 1,000
            new("E22000002", "Small", 300, 100_000, null),      // 3 per 1,000
            new("E22000003", "Area", 500, 100_000, null),       // 5 per 1,000
            new("E22000004", "Missing", null, null, "not held"),
        };

        var ranking = GroupRankings.Rank(members, "E22000003", includeAreaInAverage: true);

        Assert.Equal(1_800.0 / 1_200_000 * 1000, ranking.GroupRate, 1e-9); // 1.5: the large member dominates
        Assert.Equal((1.0 + 3.0 + 5.0) / 3, ranking.SimpleMeanRate, 1e-9);  // 3.0: every member alike, the missing one left out
    }

    [Fact]
    public void Rank_AreaNotInTheGroup_IsRefused() =>
        Assert.Throws<ArgumentException>(() => GroupRankings.Rank(Group(), "E22000099", true));
}
