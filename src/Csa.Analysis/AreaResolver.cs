using Csa.Core;
using Csa.Core.Geography;
using Csa.Storage;

namespace Csa.Analysis;

/// <summary>Finds the one area a user means by a code or a name.</summary>
public sealed class AreaResolver(ICsaStore store)
{
    /// <summary>The area named or coded <paramref name="codeOrName"/>.</summary>
    /// <exception cref="CsaQueryException">No area, or more than one, has that code or name; the message lists the candidates.</exception>
    public async Task<Area> ResolveAsync(string codeOrName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codeOrName);
        var areas = await store.FindAreasAsync(codeOrName, cancellationToken).ConfigureAwait(false);
        if (areas.Count == 1)
        {
            return areas[0];
        }

        if (areas.Count == 0)
        {
            var counts = await store.GetTableCountsAsync(cancellationToken).ConfigureAwait(false);
            var hint = counts.GetValueOrDefault("lsoa_ward_district") == 0
                ? " The store holds no geography lookup yet: import one with 'csa import geography FILE'."
                : " Check the spelling, or give the ONS code (E07000011).";
            throw new CsaQueryException($"No area has the code or name '{codeOrName}'.{hint}");
        }

        var lines = areas.Take(20).Select(a => "  " + a.Describe());
        var more = areas.Count > 20 ? $"{Environment.NewLine}  … and {areas.Count - 20} more" : string.Empty;
        throw new CsaQueryException(
            $"'{codeOrName}' names {areas.Count} areas; give the code of the one you mean:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}");
    }
}
