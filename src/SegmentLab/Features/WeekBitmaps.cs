using System.Globalization;

namespace SegmentLab.Features;

/// <summary>
/// Active weeks as bitmaps: one bit per Monday-based week (as <c>date_trunc('week', ts)</c> cuts them) from the first
/// row of the data to the cutoff, in 63-bit BIGINT words. A customer's active weeks are the OR of the purchase and the
/// event bitmaps, counted with bit_count: no hash table of customer-week pairs, and the bitmaps travel with the per-customer
/// aggregates the scans compute anyway.
/// </summary>
/// <param name="Low">Week number (since 1970) of bit 0.</param>
/// <param name="Words">How many 63-bit words cover the weeks up to the cutoff.</param>
internal sealed record WeekBitmaps(int Low, int Words)
{
    /// <summary>Bits per word: 63, so no word needs the sign bit (DuckDB refuses 1 &lt;&lt; 63 in a BIGINT).</summary>
    public const int BitsPerWord = 63;

    /// <summary>Beyond this many words (about seven years of weekly history) distinct weeks are counted instead.</summary>
    public const int MaxWords = 6;

    /// <summary>The bitmaps from <paramref name="first"/> to <paramref name="cutoff"/> (a week of margin each side for rounding), or null when too long.</summary>
    public static WeekBitmaps? For(DateTime first, DateTime cutoff)
    {
        int low = WeekOf(first) - 1, high = WeekOf(cutoff) + 1;
        int words = ((high - low) / BitsPerWord) + 1;
        return words <= MaxWords ? new WeekBitmaps(low, words) : null;
    }

    private static int WeekOf(DateTime t) => (int)Math.Floor(((t - DateTime.UnixEpoch).TotalDays + 3) / 7);

    /// <summary>The column <c>__wk</c> (the row's bit number) for a scan's inner SELECT, with a leading comma.</summary>
    public string WeekColumn(string ts) => $", CAST(floor((epoch({ts}) / 86400 + 3) / 7) AS INTEGER) - {Low} AS __wk";

    /// <summary>
    /// The <c>wk_0 … wk_n</c> aggregates, each with a leading comma and new line, over the rows before
    /// <paramref name="before"/> (the cutoff, as SQL), or over every row when null (a scan of rows before the cutoff only).
    /// </summary>
    public string Aggregates(string alias, string? before) => string.Concat(Enumerable.Range(0, Words).Select(j =>
    {
        int from = j * BitsPerWord;
        string bit = $"{alias}__wk - {from}";
        string when = before is null ? "" : $"{alias}ts < {before} AND ";
        return string.Create(CultureInfo.InvariantCulture,
            $",\n  bit_or(CASE WHEN {when}{bit} BETWEEN 0 AND {BitsPerWord - 1} THEN 1::BIGINT << ({bit}) END) AS wk_{j}");
    }));

    /// <summary>Active weeks of a customer from the purchase (<paramref name="a"/>) and event (<paramref name="b"/>) bitmaps.</summary>
    public string ActiveWeeks(string a, string b) => "(" + string.Join(" + ", Enumerable.Range(0, Words).Select(j =>
        $"CAST(bit_count(coalesce({a}.wk_{j}, 0) | coalesce({b}.wk_{j}, 0)) AS INTEGER)")) + ")";
}
