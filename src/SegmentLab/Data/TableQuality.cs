namespace SegmentLab.Data;

/// <summary>
/// What happened to the rows of one input table. Invariant: <see cref="RowsRead"/> = <see cref="RowsLoaded"/> +
/// <see cref="RowsFiltered"/> + <see cref="RowsRejected"/> — nothing disappears silently.
/// </summary>
public sealed record TableQuality
{
    /// <summary>transactions, events or customers.</summary>
    public required string Table { get; init; }

    /// <summary>The files read, in order.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Data rows read (header lines excluded).</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows loaded into the typed table.</summary>
    public long RowsLoaded { get; init; }

    /// <summary>Rows left out by a rule (not errors), counted per rule in <see cref="FilteredByRule"/>.</summary>
    public long RowsFiltered => FilteredByRule.Values.Sum();

    /// <summary>Rows left out by rule, e.g. "no customer id" → 107,927.</summary>
    public IReadOnlyDictionary<string, long> FilteredByRule { get; init; } = new Dictionary<string, long>();

    /// <summary>Malformed rows, written to the rejects file.</summary>
    public long RowsRejected => RejectedByReason.Values.Sum();

    /// <summary>Malformed rows counted by kind of problem.</summary>
    public IReadOnlyDictionary<string, long> RejectedByReason { get; init; } = new Dictionary<string, long>();

    /// <summary>Share of read rows that were rejected (0 when nothing was read).</summary>
    public double RejectedShare => RowsRead == 0 ? 0 : (double)RowsRejected / RowsRead;

    /// <summary>True when read = loaded + filtered + rejected.</summary>
    public bool Balanced => RowsRead == RowsLoaded + RowsFiltered + RowsRejected;

    /// <summary>Distinct customer ids among loaded rows.</summary>
    public long DistinctCustomers { get; init; }

    /// <summary>Return or cancellation lines among the rows that parsed (transactions only; null for other tables).</summary>
    public long? ReturnLines { get; init; }

    /// <summary>Earliest timestamp among loaded rows, if the table has timestamps.</summary>
    public DateTime? FirstTimestamp { get; init; }

    /// <summary>Latest timestamp among loaded rows, if the table has timestamps.</summary>
    public DateTime? LastTimestamp { get; init; }
}
