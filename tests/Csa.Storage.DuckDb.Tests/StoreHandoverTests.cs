using Csa.Storage.Sql;
using Csa.Tests;

namespace Csa.Storage.DuckDb.Tests;

/// <summary>The marks by which a server lets a writer in, and the answers a read-only store keeps.</summary>
public class StoreHandoverTests
{
    [Fact]
    public void AMark_NamesALiveProcess_AStaleOneIsRemoved_AndAFileNotCsasIsLeftAlone()
    {
        using var scratch = TestPaths.NewScratchFolder();
        var store = scratch.File("csa.duckdb");
        using (StoreHandover.Mark(StoreHandover.ServerMark(store)))
        {
            Assert.True(StoreHandover.ServerHolding(store));
            Assert.False(StoreHandover.WriterWaiting(store));
        }

        Assert.False(File.Exists(StoreHandover.ServerMark(store)));

        // A process that was killed leaves its mark: no process has that number, so it is stale and removed.
        File.WriteAllText(StoreHandover.WriterMark(store), $"csa process {int.MaxValue}");
        Assert.False(StoreHandover.WriterWaiting(store));
        Assert.False(File.Exists(StoreHandover.WriterMark(store)));

        // A file of that name that csa did not write is not csa's to remove.
        File.WriteAllText(StoreHandover.WriterMark(store), "someone else's notes");
        Assert.False(StoreHandover.WriterWaiting(store));
        Assert.True(File.Exists(StoreHandover.WriterMark(store)));
    }

    [Fact]
    public async Task KeptAnswers_KeepAnAnswer_ComputeItOnceForConcurrentAskers_AndNeverKeepAFailure()
    {
        var answers = new KeptAnswers();
        var computed = 0;
        var gate = new TaskCompletionSource();
        async Task<IReadOnlyList<int>> Compute()
        {
            Interlocked.Increment(ref computed);
            await gate.Task;
            return [1, 2, 3];
        }

        var key = new AnswerKey("Count", "E07000011");
        var first = answers.GetAsync(key, Compute);
        var second = answers.GetAsync(key, Compute);
        gate.SetResult();
        Assert.Same(await first, await second);
        Assert.Same(await first, await answers.GetAsync(key, Compute));
        Assert.Equal(1, computed);

        var failing = new AnswerKey("Count", "E07000012");
        await Assert.ThrowsAsync<InvalidOperationException>(() => answers.GetAsync<IReadOnlyList<int>>(failing, () => throw new InvalidOperationException("the file went away")));
        Assert.Equal([4], await answers.GetAsync<IReadOnlyList<int>>(failing, () => Task.FromResult<IReadOnlyList<int>>([4])));
    }
}
