namespace SegmentLab.Models;

/// <summary>
/// Identifies the data a model was trained on without keeping it: row counts, the date range, a SHA-256 of the
/// customer ids, and a summary of each raw input. Two fits on the same data have the same fingerprint.
/// </summary>
public sealed record TrainingFingerprint
{
    /// <summary>Customers (feature rows) trained on.</summary>
    public required int Customers { get; init; }

    /// <summary>Transaction rows loaded, when the data was loaded from files; else null.</summary>
    public long? TransactionRows { get; init; }

    /// <summary>Event rows loaded, or null (no events table, or not loaded from files).</summary>
    public long? EventRows { get; init; }

    /// <summary>Customers-table rows loaded, or null.</summary>
    public long? CustomerRows { get; init; }

    /// <summary>First transaction timestamp in the data, or null when unknown.</summary>
    public DateTime? FirstTransaction { get; init; }

    /// <summary>Last transaction timestamp in the data, or null when unknown.</summary>
    public DateTime? LastTransaction { get; init; }

    /// <summary>Features used data strictly before this date.</summary>
    public required DateOnly Cutoff { get; init; }

    /// <summary>End (exclusive) of the holdout window, or null without one.</summary>
    public DateOnly? HoldoutEnd { get; init; }

    /// <summary>Lower-case hex SHA-256 of the training customer ids in row order, each followed by a newline (UTF-8).</summary>
    public required string CustomerIdsSha256 { get; init; }

    /// <summary>Mean, standard deviation, min and max of each raw input, in input order.</summary>
    public required IReadOnlyList<FeatureSummary> Features { get; init; }
}
