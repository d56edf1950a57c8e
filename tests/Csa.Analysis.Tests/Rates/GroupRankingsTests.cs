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

    [Fact]
    public void Rank_AreaNotInTheGroup_IsRefused() =>
        Assert.Throws<ArgumentException>(() => GroupRankings.Rank(Group(), "E22000099", true));
}
