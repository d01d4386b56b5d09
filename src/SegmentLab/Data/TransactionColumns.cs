namespace SegmentLab.Data;

/// <summary>
/// Maps the analyst's transaction column names onto SegmentLab's roles. Each default is the conventional name; a role
/// left null is optional and used when a column of its conventional name exists.
/// </summary>
public sealed record TransactionColumns
{
    /// <summary>Customer identifier (kept as text, so leading zeros survive); default <c>customer_id</c>.</summary>
    public string CustomerId { get; init; } = "customer_id";

    /// <summary>Order (invoice) identifier; default <c>order_id</c>.</summary>
    public string OrderId { get; init; } = "order_id";

    /// <summary>When the order was placed; default <c>timestamp</c>.</summary>
    public string Timestamp { get; init; } = "timestamp";

    /// <summary>Line amount; default <c>amount</c> when present, else quantity × unit price.</summary>
    public string? Amount { get; init; }

    /// <summary>Quantity; default <c>quantity</c> when present. Needed with <see cref="UnitPrice"/> when there is no amount.</summary>
    public string? Quantity { get; init; }

    /// <summary>Unit price; default <c>unit_price</c> when present.</summary>
    public string? UnitPrice { get; init; }

    /// <summary>Product identifier (optional); default <c>product_id</c> when present.</summary>
    public string? Product { get; init; }

    /// <summary>Product category (optional); default <c>category</c> when present.</summary>
    public string? Category { get; init; }

    /// <summary>Sales channel (optional); default <c>channel</c> when present.</summary>
    public string? Channel { get; init; }
}
