using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Csa.Core;

/// <summary>Sizes in bytes as people write them: <c>1GiB</c>, <c>512 MiB</c>, <c>64KiB</c>, <c>2GB</c> or a plain number of bytes.</summary>
/// <remarks>KiB, MiB, GiB and TiB are powers of 1,024; KB, MB, GB and TB powers of 1,000. Units are case-insensitive.</remarks>
public static class ByteSize
{
    static readonly (string Unit, long Factor)[] Units =
    [
        ("TIB", 1L << 40), ("GIB", 1L << 30), ("MIB", 1L << 20), ("KIB", 1L << 10),
        ("TB", 1_000_000_000_000), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("B", 1),
    ];

    /// <summary>Parses a size; false (with the reason) for anything else, zero, or more than <see cref="long.MaxValue"/> bytes.</summary>
    public static bool TryParse(string text, out long bytes, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        var trimmed = text.Trim();
        var upper = trimmed.ToUpperInvariant();
        var (unit, factor) = Units.FirstOrDefault(u => upper.EndsWith(u.Unit, StringComparison.Ordinal));
        var number = unit is null ? trimmed : trimmed[..^unit.Length].TrimEnd();
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            error = $"'{text}' is not a size: write a number of bytes, or a number with KiB, MiB, GiB or TiB (for example 1GiB).";
            return false;
        }

        var total = value * (unit is null ? 1 : factor);
        if (total > long.MaxValue || total < 1)
        {
            error = $"'{text}' is not a usable size (from 1 byte to {Format(long.MaxValue)}).";
            return false;
        }

        bytes = (long)total;
        error = null;
        return true;
    }

    /// <summary>A size for people: <c>1 GiB</c>, <c>17.5 MiB</c>, <c>900 bytes</c>.</summary>
    public static string Format(long bytes)
    {
        foreach (var (unit, factor) in Units.Take(4))
        {
            if (bytes >= factor)
            {
                var value = (double)bytes / factor;
                return string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {unit[0]}i{unit[^1]}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
    }
}
