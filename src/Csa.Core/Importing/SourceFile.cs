namespace Csa.Core.Importing;

/// <summary>An input file as recorded in the store's ledger, so that every figure can name its sources.</summary>
/// <param name="Name">The file as the user named it (<c>archive.zip!2020-05/2020-05-northumbria-street.csv</c>).</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, in lower-case hex.</param>
/// <param name="Bytes">The file's size in bytes.</param>
public sealed record SourceFile(string Name, string Sha256, long Bytes);
