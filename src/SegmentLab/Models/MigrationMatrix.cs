namespace SegmentLab.Models;

/// <summary>
/// Where the customers present in both runs went: counts of previous segment (rows) → new segment (columns), by
/// stable id, matched by customer id. Marketing tools show it as "previous group".
/// </summary>
public sealed record MigrationMatrix
{
    /// <summary>Previous segment ids, one per row.</summary>
    public required IReadOnlyList<int> PreviousIds { get; init; }

    /// <summary>New segment ids, one per column.</summary>
    public required IReadOnlyList<int> Ids { get; init; }

    /// <summary>Counts[row][column]: returning customers in previous segment row now in new segment column.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Counts { get; init; }

    /// <summary>Customers present in both runs.</summary>
    public required int Returning { get; init; }

    /// <summary>Customers only in the previous training data.</summary>
    public required int PreviousOnly { get; init; }

    /// <summary>Customers only in the new training data.</summary>
    public required int NewOnly { get; init; }

    /// <summary>The count for previous id <paramref name="previousId"/> → new id <paramref name="id"/> (0 when either is unknown).</summary>
    public int this[int previousId, int id]
    {
        get
        {
            int r = IndexOf(PreviousIds, previousId), c = IndexOf(Ids, id);
            return r < 0 || c < 0 ? 0 : Counts[r][c];
        }
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
