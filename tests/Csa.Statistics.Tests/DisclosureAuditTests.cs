namespace Csa.Statistics.Tests;

/// <summary>The interval attack against METHODS.md §1.10's test vector: a 2 × 2 table with row totals 12 and 10 and column totals 9 and 13.</summary>
public class DisclosureAuditTests
{
    static readonly DisclosureAudit.Equation[] Margins =
    [
        new([("a", 1), ("b", 1), ("row1", -1)]),
        new([("c", 1), ("d", 1), ("row2", -1)]),
        new([("a", 1), ("c", 1), ("col1", -1)]),
        new([("b", 1), ("d", 1), ("col2", -1)]),
    ];

    [Fact]
    public void PrimarySuppressionAlone_IsDisclosed_AToTwo()
    {
        var cells = new Dictionary<string, long?> { ["a"] = null, ["b"] = 10, ["c"] = 7, ["d"] = null, ["row1"] = 12, ["row2"] = 10, ["col1"] = 9, ["col2"] = 13 };

        var bounds = DisclosureAudit.Attack(cells, Margins).ToDictionary(b => b.Cell);

        Assert.Equal(2, bounds["a"].Min, 6);
        Assert.Equal(2, bounds["a"].Max, 6);
        Assert.True(bounds["a"].IsDisclosed);
        Assert.Equal(3, bounds["d"].Min, 6);
    }

    [Fact]
    public void AllFourCellsHidden_OnlyMarginsPublished_IsProtected_AFromZeroToNine()
    {
        var cells = new Dictionary<string, long?> { ["a"] = null, ["b"] = null, ["c"] = null, ["d"] = null, ["row1"] = 12, ["row2"] = 10, ["col1"] = 9, ["col2"] = 13 };

        var bounds = DisclosureAudit.Attack(cells, Margins).ToDictionary(b => b.Cell);

        Assert.Equal(0, bounds["a"].Min, 6);
        Assert.Equal(9, bounds["a"].Max, 6);
        Assert.False(bounds["a"].IsDisclosed);
    }

    [Fact]
    public void AHiddenCellInNoEquation_IsUnbounded()
    {
        var bounds = DisclosureAudit.Attack(new Dictionary<string, long?> { ["x"] = null, ["y"] = 3 }, []);

        var x = Assert.Single(bounds);
        Assert.Equal((0.0, double.PositiveInfinity), (x.Min, x.Max));
        Assert.False(x.IsDisclosed);
    }

    [Fact]
    public void TwoHiddenCellsEqualToEachOther_AreUnboundedAbove_NotInfeasible()
    {
        // x − y = 0 with both hidden: any equal pair fits (GLOP must not call the unbounded problem infeasible).
        var bounds = DisclosureAudit.Attack(new Dictionary<string, long?> { ["x"] = null, ["y"] = null }, [new([("x", 1), ("y", -1)])]);

        Assert.All(bounds, b => Assert.Equal((0.0, double.PositiveInfinity), (b.Min, b.Max)));
        Assert.DoesNotContain(bounds, b => b.IsDisclosed);
    }
}
