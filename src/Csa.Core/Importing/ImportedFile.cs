
namespace Csa.Core.Importing;

/// <summary>One file in the store's import ledger.</summary>
/// <param name="Kind">street, outcomes or a geography lookup kind.</param>
/// <param name="ForceSlug">The force, for data.police.uk files.</param>
/// <param name="Month">The month, for data.police.uk files.</param>
/// <param name="Source">The file's name, checksum and size.</param>
/// <param name="Rows">Rows imported from it.</param>
/// <param name="ImportedAt">When it was imported (UTC).</param>
public sealed record ImportedFile(string Kind, string? ForceSlug, Month? Month, SourceFile Source, long Rows, DateTimeOffset ImportedAt);
