namespace SegmentLab.Data;

/// <summary>The optional customers table: one row per customer with attribute columns.</summary>
public sealed record CustomersSource : TableSource
{
    /// <summary>Customer id column; default <c>customer_id</c>.</summary>
    public string CustomerId { get; init; } = "customer_id";

    /// <summary>
    /// Attribute columns to keep as categorical even when they look numeric (e.g. a postcode or a 0/1 code);
    /// default empty. Every other column is numeric when all its values parse as numbers, else categorical.
    /// </summary>
    public IReadOnlyList<string> Categorical { get; init; } = [];

    /// <summary>Columns to ignore (e.g. names or e-mail addresses); default empty.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];
}
