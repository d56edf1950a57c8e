using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Csa.Core.PoliceUk;
using Csa.Storage.Sql.Internal;

namespace Csa.Storage.Sql;

/// <summary>The store's questions and imports in SQL that DuckDB and PostgreSQL both run, written once: a backend derives
/// from it and supplies the connection, bulk writing (DuckDB's appender, PostgreSQL's binary COPY), the police-uk import
/// batch and, where its SQL differs, the text of a parameter. Every answer is the same whichever backend gives it.</summary>
/// <remarks>SQL here names parameters <c>$name</c> (DuckDB's way); <see cref="Translate"/> rewrites them for a backend that
/// names them otherwise. Rows come back in an order the SQL defines (ORDER BY every column that distinguishes them).
/// Not thread safe.</remarks>
public abstract partial class SqlStore : ICsaStore
{
    /// <summary>A store over an open connection.</summary>
    /// <param name="connection">The open connection, owned by the derived store.</param>
    /// <param name="time">The clock for ledger timestamps.</param>
    /// <param name="info">Where the store is and what schema it has.</param>
    protected SqlStore(DbConnection connection, TimeProvider time, StoreInfo info)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(time);
        Connection = connection;
        Time = time;
        Info = info;
    }

    /// <inheritdoc/>
    public StoreInfo Info { get; }

    /// <summary>The open connection.</summary>
    protected DbConnection Connection { get; }

    /// <summary>The clock for ledger timestamps.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The version of csa that writes, recorded with each migration.</summary>
    protected static string CsaVersion =>
        typeof(SqlStore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <inheritdoc/>
    public abstract Task<IPoliceUkImportBatch> BeginPoliceUkImportAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();

    /// <summary>Writes <paramref name="rows"/> into <paramref name="table"/> (a value for every column, in the table's order, of
    /// the column's own type: string, int, long, double, bool, DateOnly or a UTC DateTime; null for NULL) within
    /// <paramref name="transaction"/>, in bulk.</summary>
    /// <param name="transaction">The open transaction.</param>
    /// <param name="table">The table: a constant of this class, never input.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="cancellationToken">Cancels the write (the transaction is then rolled back by its owner).</param>
    protected abstract Task WriteRowsAsync(DbTransaction transaction, string table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>Writes rows held in memory (see the other overload).</summary>
    protected Task WriteRowsAsync(DbTransaction transaction, string table, IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        WriteRowsAsync(transaction, table, rows.ToAsyncEnumerable(), cancellationToken);

    /// <summary>A statement that every writing transaction runs first, so that writers take turns (null: none needed, as in
    /// DuckDB, where one process holds the file for writing).</summary>
    protected virtual string? WriteLockStatement => null;

    /// <summary>Begins a transaction that writes: imports replace what the store held, so two at once must take turns (the
    /// later one then sees, and replaces, what the earlier wrote; never both adding the same month).</summary>
    protected async Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (WriteLockStatement is { } statement)
        {
            try
            {
                using var command = Command(statement, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return transaction;
    }

    /// <summary>The type of a text column of a scratch table, as the store's own text columns are declared (so that the two
    /// compare without a collation conflict).</summary>
    protected virtual string TextType => "VARCHAR";

    /// <summary>The SQL as this backend takes it: parameters are written <c>$name</c> here.</summary>
    /// <param name="sql">SQL with <c>$name</c> parameters.</param>
    protected virtual string Translate(string sql) => sql;

    /// <summary>A question's answer: by default asked of the database each time; a backend that knows its data cannot change
    /// while open (DuckDB opened read-only) may keep it.</summary>
    /// <param name="key">The question.</param>
    /// <param name="fromDatabase">How to ask the database.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    protected virtual Task<T> RememberAsync<T>(AnswerKey key, Func<CancellationToken, Task<T>> fromDatabase, CancellationToken cancellationToken)
        where T : class?
    {
        ArgumentNullException.ThrowIfNull(fromDatabase);
        return fromDatabase(cancellationToken);
    }

    /// <summary>A command of <paramref name="sql"/> (its <c>$name</c> parameters translated), in <paramref name="transaction"/> if given.</summary>
    protected DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Translate(sql);
        return command;
    }


    /// <summary>Runs a statement; returns the rows it changed.</summary>
    protected async Task<int> ExecuteAsync(DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, transaction);
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one number a query returns.</summary>
    protected async Task<long> ScalarLongAsync(DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = Command(sql, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of every row of a query with one parameter, <c>$q</c>.</summary>
    protected async Task<IReadOnlyList<string>> ReadStringsAsync(string sql, string value, CancellationToken cancellationToken)
    {
        using var command = Command(sql);
        command.AddParameter("q", value);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
