namespace SegmentLab.Data;

/// <summary>Row accounting for every input table of one load, plus where the rejected rows were written.</summary>
public sealed record DataQualityReport
{
    /// <summary>One entry per table loaded, transactions first.</summary>
    public required IReadOnlyList<TableQuality> Tables { get; init; }

    /// <summary>The rejects CSV (table, file, line, column, reason, raw), or null when it was not written.</summary>
    public string? RejectsFile { get; init; }

    /// <summary>The quality of one table by name, or null.</summary>
    public TableQuality? this[string table] => Tables.FirstOrDefault(t => t.Table == table);

    /// <summary>True when every table balances (read = loaded + filtered + rejected).</summary>
    public bool Balanced => Tables.All(t => t.Balanced);
}
