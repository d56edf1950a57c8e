using Csa.Core;
using Csa.Ingest.Fetch;

namespace Csa.Ingest.Tests.Fetch;

public class ArchivePlanTests
{
    [Fact]
    public void AShortRun_NeedsTheArchiveOfItsLastMonthOnly() =>
        Assert.Equal([(new Month(2022, 12), Period.Parse("2022-10..2022-12"))], ArchivePlan.For(Period.Parse("2022-10..2022-12")));

    [Fact]
    public void ALongRun_NeedsAnArchiveForEach36Months_WithoutOverlap()
    {
        var plan = ArchivePlan.For(Period.Parse("2016-06..2022-12"));

        Assert.Equal(
            [
                (new Month(2022, 12), Period.Parse("2020-01..2022-12")),
                (new Month(2019, 12), Period.Parse("2017-01..2019-12")),
                (new Month(2016, 12), Period.Parse("2016-06..2016-12")),
            ],
            plan);
    }
}
