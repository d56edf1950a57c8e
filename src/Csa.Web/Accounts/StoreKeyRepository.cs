using System.Xml.Linq;
using Csa.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Csa.Web.Accounts;

/// <summary>ASP.NET Core's data-protection key ring held in the store (<see cref="IAtlasState"/>), so that every instance of
/// the atlas signs and reads login cookies with the same keys, and a restart keeps them.</summary>
/// <param name="state">The store's shared state.</param>
/// <param name="time">The clock.</param>
sealed class StoreKeyRepository(IAtlasState state, TimeProvider time) : IXmlRepository
{
    /// <inheritdoc/>
    public IReadOnlyCollection<XElement> GetAllElements() => [.. state.ReadKeys().Select(XElement.Parse)];

    /// <inheritdoc/>
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        state.AddKey(friendlyName, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow());
    }
}
