namespace SegmentLab.Pipeline;

/// <summary>What <see cref="StarterConfig"/> made of one file: the table it looks like and the columns it mapped to roles.</summary>
public sealed record StarterTable
{
    /// <summary>The file inspected (absolute).</summary>
    public required string File { get; init; }

    /// <summary><c>transactions</c>, <c>events</c>, <c>customers</c>, or <c>unknown</c> (left out of the config).</summary>
    public required string Role { get; init; }

    /// <summary>The file's columns and the types DuckDB sniffed, in file order.</summary>
    public required IReadOnlyList<(string Name, string Type)> Columns { get; init; }

    /// <summary>Role → column, for the roles it found (e.g. customerId → "Customer ID").</summary>
    public required IReadOnlyDictionary<string, string> Roles { get; init; }

    /// <summary>Data rows (counted when the file was read).</summary>
    public long Rows { get; init; }

    /// <summary>What else it noticed, one sentence each (cancellation prefixes, timestamp formats, missing ids, …).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
