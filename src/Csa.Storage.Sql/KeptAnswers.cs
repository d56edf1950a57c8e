using System.Collections;
using System.Collections.Concurrent;

namespace Csa.Storage.Sql;

/// <summary>Answers of one state of a store's data, kept for a server that asks the same questions again and again (an
/// area's wards, coverage, populations, counts), within a budget of rows (when it is spent, everything kept is let go and
/// keeping starts again). The owner decides what state they belong to: DuckDB keeps them while its read-only database is
/// open (nothing can write the file meanwhile); PostgreSQL keeps them per data version, read in each request's snapshot.</summary>
public sealed class KeptAnswers
{
    /// <summary>The most rows kept in all (a larger answer is returned, not kept).</summary>
    const int RowBudget = 2_000_000;

    readonly ConcurrentDictionary<AnswerKey, Lazy<Task<object?>>> _answers = new();
    int _rows;

    /// <summary>The kept answer to <paramref name="key"/>, or <paramref name="compute"/>'s, kept. The computation runs
    /// once for all who ask at the same time, uncancelled (one request's cancellation must not fail another's); a failed
    /// one is not kept.</summary>
    public async Task<T> GetAsync<T>(AnswerKey key, Func<Task<T>> compute)
        where T : class?
    {
        var lazy = _answers.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () =>
        {
            var computed = await compute().ConfigureAwait(false);
            Account(key, computed);
            return computed;
        }));
        try
        {
            return (T)(await lazy.Value.ConfigureAwait(false))!;
        }
        catch
        {
            _answers.TryRemove(new KeyValuePair<AnswerKey, Lazy<Task<object?>>>(key, lazy));
            throw;
        }
    }

    /// <summary>Counts a new answer's rows against the budget; one too large for it is not kept.</summary>
    void Account(AnswerKey key, object? answer)
    {
        var rows = answer is ICollection collection ? collection.Count : 1;
        if (rows > RowBudget / 20)
        {
            _answers.TryRemove(key, out _);
            return;
        }

        if (Interlocked.Add(ref _rows, rows) > RowBudget)
        {
            _answers.Clear();
            Interlocked.Exchange(ref _rows, 0);
        }
    }
}
