using System.Globalization;
using SegmentLab.Data;

namespace SegmentLab.Cli;

/// <summary>Parses <c>--k 5</c> (a fixed k) or <c>--k 2..10</c> (a range to sweep).</summary>
internal static class CliK
{
    public static (int? K, int? MinK, int? MaxK) Parse(string? text)
    {
        if (text is null)
        {
            return (null, null, null);
        }

        string t = text.Trim();
        int dots = t.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int k))
        {
            return k is >= 2 and <= 50 ? (k, null, null) : throw new InputException($"--k {k} must be between 2 and 50.");
        }

        if (dots > 0
            && int.TryParse(t[..dots], NumberStyles.None, CultureInfo.InvariantCulture, out int min)
            && int.TryParse(t[(dots + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out int max))
        {
            return 2 <= min && min <= max && max <= 50
                ? (null, min, max)
                : throw new InputException($"--k {t}: the range must satisfy 2 ≤ from ≤ to ≤ 50.");
        }

        throw new InputException($"--k '{text}' is not a number of segments (e.g. 5) or a range to sweep (e.g. 2..10).");
    }
}
