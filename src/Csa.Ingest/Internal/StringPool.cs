namespace Csa.Ingest.Internal;

/// <summary>Shares one string instance per distinct value of a low-cardinality column (force names, crime types).</summary>
sealed class StringPool
{
    readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Get(ReadOnlySpan<char> value)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(value, out var pooled))
        {
            pooled = value.ToString();
            _strings[pooled] = pooled;
        }

        return pooled;
    }

    public string? GetOrNull(ReadOnlySpan<char> value) => value.IsEmpty ? null : Get(value);
}
