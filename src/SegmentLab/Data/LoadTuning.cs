namespace SegmentLab.Data;

/// <summary>
/// How <see cref="DataLoader"/> reads tables; the defaults suit every input, tests change them to run both paths of each choice.
/// </summary>
/// <param name="KeepInMemoryBelowBytes">
/// Tables whose files hold more text than this (gzip counted at five times its size) are staged in a temporary Parquet
/// file instead of being kept in memory; default 256 MB (about 3 million order lines), so memory stays bounded
/// whatever the input size.
/// </param>
/// <param name="TypedRead">Let DuckDB's CSV reader convert numbers and check ISO timestamps with one test, reading the table again
/// as text only when a value fails (default); false converts and checks text in SQL from the start.</param>
/// <param name="WorkDirectory">Where tables too big for memory are staged as Parquet files; <see cref="DataLoader"/> sets a private
/// temporary folder, deleted with the <see cref="LoadedData"/> (after a killed run, by the next load: see <see cref="StaleWorkFolders"/>).</param>
internal sealed record LoadTuning(long KeepInMemoryBelowBytes = 256L << 20, bool TypedRead = true, string? WorkDirectory = null)
{
    /// <summary>The defaults.</summary>
    public static LoadTuning Default { get; } = new();
}
