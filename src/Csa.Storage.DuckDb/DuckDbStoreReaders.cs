using Csa.Core;

namespace Csa.Storage.DuckDb;

/// <summary>A server's way into a DuckDB store: a read-only database opened once and shared by every request (each
/// gets a connection of its own to it), let go whenever a csa command asks to write (<see cref="StoreHandover"/>).</summary>
/// <remarks>
/// Opening the file is most of what a request used to cost, so it stays open between requests. When a writer asks for the
/// store, new requests are answered 503 with Retry-After (through <see cref="CsaStoreException"/>), requests already reading
/// finish, and the file is closed for the writer; once the writer is done, the next request opens the file again and sees
/// its data. <see cref="DataVersion"/> names the state of the file, for ETags and the response cache.
/// </remarks>
public sealed class DuckDbStoreReaders : IStoreReaders
{
    /// <summary>How often the atlas looks for a writer's request while it holds the store.</summary>
    static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

    readonly string _path;
    readonly bool _keepAnswers;
    readonly TimeProvider _time;
    readonly Lock _lock = new();
    readonly SemaphoreSlim _opening = new(1, 1);

    /// <summary>At most this many requests read at once (twice the cores); the others wait without holding a thread. DuckDB
    /// answers a query on threads of its own, so more readers than that only queue inside it, each blocking a thread of the
    /// server's pool (DuckDB.NET's calls are synchronous), which starves every other request.</summary>
    readonly SemaphoreSlim _readSlots = new(Environment.ProcessorCount * 2, Environment.ProcessorCount * 2);
    readonly ITimer _watch;
    DuckDbStore? _shared;
    IDisposable? _serverMark;
    int _readers;
    int _disposed;
    bool _yielding;

    /// <summary>Made once per server.</summary>
    /// <param name="path">The store file.</param>
    /// <param name="keepAnswers">Whether the shared database keeps its answers while open (false only to measure the file's cost).</param>
    /// <param name="time">The clock.</param>
    public DuckDbStoreReaders(string path, bool keepAnswers, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        _path = Path.GetFullPath(path);
        _keepAnswers = keepAnswers;
        _time = time;
        _watch = time.CreateTimer(_ => WatchForWriter(), null, WatchInterval, WatchInterval);
    }

    /// <inheritdoc/>
    /// <remarks>None: one process serves a DuckDB file (it holds the file), and keeps failed logins in its memory.</remarks>
    public IAtlasState? SharedState => null;

    /// <inheritdoc/>
    public string? LoginsUnavailable => null;

    /// <inheritdoc/>
    /// <remarks>The state of the store file: its size and time of last change, and its write-ahead log's.</remarks>
    public string DataVersion
    {
        get
        {
            var file = new FileInfo(_path);
            var log = new FileInfo(_path + ".wal");
            return FormattableString.Invariant($"{(file.Exists ? file.LastWriteTimeUtc.Ticks : 0):x}-{(file.Exists ? file.Length : 0):x}-{(log.Exists ? log.LastWriteTimeUtc.Ticks : 0):x}-{(log.Exists ? log.Length : 0):x}");
        }
    }

    /// <inheritdoc/>
    public async Task<ICsaStore> OpenAsync(CancellationToken cancellationToken)
    {
        await _readSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _readSlots.Release();
            throw;
        }
    }

    async Task<DuckDbStore> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var shared = _shared;
        if (shared is null || _yielding)
        {
            await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                shared = await OpenSharedAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _opening.Release();
            }
        }

        lock (_lock)
        {
            if (_yielding || !ReferenceEquals(shared, _shared))
            {
                throw Busy();
            }

            var reader = shared.NewReader(new ReaderDone(this));
            _readers++;
            return reader;
        }
    }

    /// <summary>Opens the shared database unless a writer has it; called one at a time.</summary>
    async Task<DuckDbStore> OpenSharedAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_yielding)
            {
                if (StoreHandover.WriterWaiting(_path))
                {
                    throw Busy();
                }

                _yielding = false; // the writer is done: open the file again, with its data
            }

            if (_shared is { } open)
            {
                return open;
            }
        }

        // The mark goes up first, so that a writer who finds the file held always finds the mark too.
        var serverMark = StoreHandover.Mark(StoreHandover.ServerMark(_path));
        DuckDbStore shared;
        try
        {
            shared = await DuckDbStore.OpenReadOnlyAsync(_path, _time, _keepAnswers, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            serverMark.Dispose();
            throw;
        }

        lock (_lock)
        {
            _serverMark = serverMark;
            _shared = shared;
            return shared;
        }
    }

    /// <summary>When a writer asks for the store: stop taking readers, and close the file once the last one is done.</summary>
    void WatchForWriter()
    {
        lock (_lock)
        {
            if (_shared is null || _yielding || !StoreHandover.WriterWaiting(_path))
            {
                return;
            }

            _yielding = true;
            if (_readers == 0)
            {
                CloseShared();
            }
        }
    }

    void ReaderFinished()
    {
        lock (_lock)
        {
            _readers--;
            if (_yielding && _readers == 0)
            {
                CloseShared();
            }
        }

        _readSlots.Release();
    }

    /// <summary>Closes the shared database (no reader holds it) and removes the server's mark, so the writer gets in.</summary>
    void CloseShared()
    {
        var shared = _shared;
        _shared = null;
        shared?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _serverMark?.Dispose();
        _serverMark = null;
    }

    static CsaStoreException Busy() =>
        new("Another csa process is writing the store; the atlas reads it again as soon as it is done.");

    /// <inheritdoc/>
    /// <remarks>Once only: the program that made it and the server's container may both dispose it.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _watch.DisposeAsync().ConfigureAwait(false);
        lock (_lock)
        {
            _yielding = true;
            if (_readers == 0)
            {
                CloseShared();
            }
        }

        _opening.Dispose();
        _readSlots.Dispose();
    }

    /// <summary>Counts a request's reader out when it is disposed.</summary>
    sealed class ReaderDone(DuckDbStoreReaders access) : IDisposable
    {
        int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                access.ReaderFinished();
            }
        }
    }
}
