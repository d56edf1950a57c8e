using Csa.Storage.Sql;

namespace Csa.Storage.Postgres.Internal;

/// <summary>A server's kept answers, one set per data version: each request's reader reads the version in its own snapshot
/// and asks the set of that version, so an answer is never served for data it was not made from. The two versions most
/// recently asked for are kept (a request still reading the older snapshot while an import lands is not made to start
/// again); a third lets the older go.</summary>
sealed class AnswersByVersion
{
    readonly Lock _lock = new();
    (string Version, KeptAnswers Answers)? _newest;
    (string Version, KeptAnswers Answers)? _previous;

    /// <summary>The answers kept for <paramref name="version"/>.</summary>
    public KeptAnswers For(string version)
    {
        lock (_lock)
        {
            if (_newest is { } newest && newest.Version == version)
            {
                return newest.Answers;
            }

            if (_previous is { } previous && previous.Version == version)
            {
                return previous.Answers;
            }

            _previous = _newest;
            _newest = (version, new KeptAnswers());
            return _newest.Value.Answers;
        }
    }
}
