namespace SegmentLab.Data;

/// <summary>The required transactions table: one row per order line.</summary>
public sealed record TransactionsSource : TableSource
{
    /// <summary>Column mapping; defaults are the conventional names.</summary>
    public TransactionColumns Columns { get; init; } = new();

    /// <summary>How returns and cancellations are recognised; default: negative amounts.</summary>
    public CancellationRule Cancellations { get; init; } = new();

    /// <summary>What happens to rows without a customer id; default <see cref="MissingCustomerIdPolicy.Filter"/>.</summary>
    public MissingCustomerIdPolicy MissingCustomerId { get; init; } = MissingCustomerIdPolicy.Filter;
}
