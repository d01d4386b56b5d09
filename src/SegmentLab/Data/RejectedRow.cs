namespace SegmentLab.Data;

/// <summary>One malformed input row, as written to the rejects file.</summary>
/// <param name="Table">transactions, events or customers.</param>
/// <param name="File">The file it came from.</param>
/// <param name="Line">1-based line of the row in a CSV file (the header is line 1), or the 1-based row number in a Parquet file.</param>
/// <param name="Column">The column at fault, when one is.</param>
/// <param name="Reason">What is wrong, in plain English, quoting the value.</param>
/// <param name="Raw">The raw text of the row when the reader kept it, else empty.</param>
public sealed record RejectedRow(string Table, string File, long Line, string? Column, string Reason, string Raw);
