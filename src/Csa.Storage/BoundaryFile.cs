using Csa.Core.Geography;
using Csa.Core.Importing;

namespace Csa.Storage;

/// <summary>The boundaries read from one file, and the file.</summary>
/// <param name="Boundaries">The simplified boundaries.</param>
/// <param name="Source">The file they came from, for the import ledger.</param>
public sealed record BoundaryFile(IReadOnlyList<Boundary> Boundaries, SourceFile Source);
