namespace Csa.Core.PoliceUk;

/// <summary>Where a data.police.uk import writes (a store): the import knows it by this interface only.</summary>
public interface IPoliceUkImportTarget
{
    /// <summary>Starts an atomic import of data.police.uk files: nothing is visible until it commits, and disposing it uncommitted changes nothing.</summary>
    Task<IPoliceUkImportBatch> BeginPoliceUkImportAsync(CancellationToken cancellationToken = default);
}
