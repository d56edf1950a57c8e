namespace Csa.Statistics.Tests;

/// <summary>Gi* against METHODS.md 1.7: a 5×5 grid, queen neighbours plus self, binary weights.</summary>
public sealed class GetisOrdTests
{
    static readonly double[,] Grid =
    {
        { 0, 1, 0, 0, 0 },
        { 1, 2, 1, 0, 0 },
        { 0, 3, 12, 4, 0 },
        { 0, 1, 5, 2, 1 },
        { 0, 0, 1, 0, 0 },
    };

    static (double[] Values, IReadOnlyCollection<int>[] Neighbours) QueenGrid()
    {
        var values = new double[25];
        var neighbours = new IReadOnlyCollection<int>[25];
        for (var r = 0; r < 5; r++)
        {
            for (var c = 0; c < 5; c++)
            {
                values[(r * 5) + c] = Grid[r, c];
                var list = new List<int>();
                for (var dr = -1; dr <= 1; dr++)
                {
                    for (var dc = -1; dc <= 1; dc++)
                    {
                        if ((dr, dc) != (0, 0) && r + dr is >= 0 and < 5 && c + dc is >= 0 and < 5)
                        {
                            list.Add(((r + dr) * 5) + c + dc);
                        }
                    }
                }

                neighbours[(r * 5) + c] = list;
            }
        }

        return (values, neighbours);
    }

    [Theory]
    [InlineData(2, 2, 2.850373)]
    [InlineData(2, 1, 2.047903)]
    [InlineData(0, 0, -0.302596)]
    [InlineData(4, 4, -0.512732)]
    public void GiStar_MatchesReferenceValues(int row, int column, double expected)
    {
        var (values, neighbours) = QueenGrid();

        var g = GetisOrd.Compute(values, neighbours);

        Assert.Equal(expected, g[(row * 5) + column].Z!.Value, 6);
    }

    [Fact]
    public void GiStar_CentreIsAHotSpotAt99Percent_AndItsPValueIsTwoSided()
    {
        var (values, neighbours) = QueenGrid();

        var centre = GetisOrd.Compute(values, neighbours)[12];

        // 2Φ(−2.850373) = 0.004367
        Assert.Equal(0.004367, centre.PValue!.Value, 5);
        Assert.Equal(HotspotClass.Hot99, centre.Class);
    }

    [Fact]
    public void GiStar_WithFalseDiscoveryRate_IsNoLongerSignificantAt99Percent()
    {
        var (values, neighbours) = QueenGrid();

        var centre = GetisOrd.Compute(values, neighbours, falseDiscoveryRate: true)[12];

        Assert.True(centre.DecisionPValue > centre.PValue);
        Assert.NotEqual(HotspotClass.Hot99, centre.Class);
    }

    [Fact]
    public void GiStar_NeighbourhoodOfEveryPlace_HasNoStatistic()
    {
        IReadOnlyCollection<int>[] neighbours = [[1, 2], [0], [0]];

        var g = GetisOrd.Compute([5, 1, 2], neighbours);

        Assert.Null(g[0].Z);
        Assert.Equal(HotspotClass.NotSignificant, g[0].Class);
        Assert.NotNull(g[1].Z);
    }

    [Fact]
    public void BenjaminiHochberg_MatchesR()
    {
        // p.adjust(c(0.01, 0.04, 0.03, 0.2), "BH") = 0.04 0.0533333 0.0533333 0.2
        var adjusted = GetisOrd.BenjaminiHochberg([0.01, 0.04, 0.03, 0.2, null]);

        Assert.Equal([0.04, 0.053333, 0.053333, 0.2], adjusted.Take(4).Select(p => Math.Round(p!.Value, 6)));
        Assert.Null(adjusted[4]);
    }

    [Fact]
    public void Compute_NeighbourOutOfRange_IsRefused()
    {
        IReadOnlyCollection<int>[] neighbours = [[1], [7], [0]];

        Assert.Throws<ArgumentException>(() => GetisOrd.Compute([1, 2, 3], neighbours));
    }
}
