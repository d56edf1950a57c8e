using Csa.Core;
using Csa.Core.Importing;

namespace Csa.Storage.DuckDb.Internal;

/// <summary>The ledger row a file writer records when it completes.</summary>
sealed record LedgerEntry(PoliceUkImportBatch Batch, string Kind, string ForceSlug, Month Month, SourceFile Source, string? EarlierSha256)
{
    public bool ReplacesEarlierImport => EarlierSha256 is not null;

    public bool EarlierImportIdentical => string.Equals(EarlierSha256, Source.Sha256, StringComparison.Ordinal);
}
