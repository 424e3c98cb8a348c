using System.Globalization;

namespace Recommender.Expander.Kubernetes;

/// <summary>
/// Kubernetes resource quantities (apimachinery <c>resource.Quantity</c>) as text: a signed decimal number then a suffix,
/// binary (<c>Ki Mi Gi Ti Pi Ei</c>), decimal SI (<c>n u m</c>, none, <c>k M G T P E</c>) or a decimal exponent
/// (<c>e3</c>, <c>E-2</c>). <c>500m</c> is 0.5, <c>4Gi</c> 4,294,967,296, <c>1e3</c> 1,000.
/// </summary>
public static class Quantity
{
    /// <summary>Parses <paramref name="text"/>; false for anything Kubernetes would reject or that overflows a decimal.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        text = text.Trim();
        var numberLength = 0;
        if (numberLength < text.Length && text[numberLength] is '+' or '-')
        {
            numberLength++;
        }

        var digits = 0;
        var dots = 0;
        while (numberLength < text.Length && (char.IsAsciiDigit(text[numberLength]) || text[numberLength] == '.'))
        {
            if (text[numberLength] == '.')
            {
                dots++;
            }
            else
            {
                digits++;
            }

            numberLength++;
        }

        if (digits == 0 || dots > 1
            || !decimal.TryParse(text[..numberLength], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        if (!TryScale(text[numberLength..], out var multiplier, out var exponent))
        {
            return false;
        }

        try
        {
            value = number * multiplier;
            value = exponent >= 0 ? value * Pow10(exponent) : value / Pow10(-exponent);
            return true;
        }
        catch (OverflowException)
        {
            value = 0;
            return false;
        }
    }

    /// <summary>The quantity in thousandths, rounded up (Kubernetes' <c>MilliValue</c>): CPU in millicores.</summary>
    public static bool TryParseMilli(ReadOnlySpan<char> text, out long milli) => TryRoundUp(text, 1000m, out milli);

    /// <summary>The quantity rounded up to a whole number (Kubernetes' <c>Value</c>): bytes, GPUs, pods.</summary>
    public static bool TryParseWhole(ReadOnlySpan<char> text, out long whole) => TryRoundUp(text, 1m, out whole);

    private static bool TryRoundUp(ReadOnlySpan<char> text, decimal unit, out long result)
    {
        result = 0;
        if (!TryParse(text, out var value))
        {
            return false;
        }

        try
        {
            var scaled = decimal.Ceiling(value * unit);
            if (scaled > long.MaxValue || scaled < long.MinValue)
            {
                return false;
            }

            result = (long)scaled;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TryScale(ReadOnlySpan<char> suffix, out decimal multiplier, out int exponent)
    {
        multiplier = 1;
        exponent = 0;
        switch (suffix)
        {
            case "": return true;
            case "n": exponent = -9; return true;
            case "u": exponent = -6; return true;
            case "m": exponent = -3; return true;
            case "k": exponent = 3; return true;
            case "M": exponent = 6; return true;
            case "G": exponent = 9; return true;
            case "T": exponent = 12; return true;
            case "P": exponent = 15; return true;
            case "E": exponent = 18; return true;
            case "Ki": multiplier = 1L << 10; return true;
            case "Mi": multiplier = 1L << 20; return true;
            case "Gi": multiplier = 1L << 30; return true;
            case "Ti": multiplier = 1L << 40; return true;
            case "Pi": multiplier = 1L << 50; return true;
            case "Ei": multiplier = 1L << 60; return true;
        }

        // A decimal exponent: e or E, an optional sign, digits (within what a decimal can hold).
        return suffix.Length >= 2 && suffix[0] is 'e' or 'E'
            && int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
            && Math.Abs(exponent) <= 28;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
