namespace Csa.Core.Extract;

/// <summary>What an extract import did.</summary>
/// <param name="Added">Crimes new to the store.</param>
/// <param name="Updated">Crimes whose reference the store held, now replaced by the new record.</param>
public sealed record ExtractImportResult(long Added, long Updated);
