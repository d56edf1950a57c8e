namespace Csa.Core.Geography;

/// <summary>The shape of LSOA codes: <c>E01</c> (England) or <c>W01</c> (Wales) and six digits.</summary>
/// <remarks>2011 and 2021 LSOA codes share this shape; which vintage a code belongs to is only known from a lookup.</remarks>
public static class LsoaCodes
{
    /// <summary>Whether <paramref name="code"/> has the shape of an LSOA code.</summary>
    public static bool HasValidShape(ReadOnlySpan<char> code)
    {
        if (code.Length != 9 || (code[0] != 'E' && code[0] != 'W') || code[1] != '0' || code[2] != '1')
        {
            return false;
        }

        foreach (var c in code[3..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
