namespace SegmentLab.Models;

/// <summary>
/// The Hungarian method (Kuhn-Munkres, in the O(n³) shortest-augmenting-path form with row and column potentials) for
/// the minimum-cost assignment of a rectangular cost matrix. k is at most 50 here, so the cubic cost is negligible.
/// </summary>
internal static class Hungarian
{
    /// <summary>
    /// Assigns rows to columns minimizing the total cost: each row gets at most one column and each column at most one
    /// row; min(rows, columns) pairs are made. Returns, per row, its column or −1 (only when rows &gt; columns).
    /// </summary>
    /// <param name="cost">rows × columns, row-major, finite.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <exception cref="ArgumentException">The length does not match, or a cost is not finite.</exception>
    public static int[] Solve(double[] cost, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(cost);
        if ((long)rows * columns != cost.Length)
        {
            throw new ArgumentException($"cost has {cost.Length} entries for {rows} × {columns}.", nameof(cost));
        }

        if (cost.Any(c => !double.IsFinite(c)))
        {
            throw new ArgumentException("every cost must be finite.", nameof(cost));
        }

        if (rows == 0 || columns == 0)
        {
            return Enumerable.Repeat(-1, rows).ToArray();
        }

        // The algorithm below needs rows ≤ columns: solve the transpose otherwise.
        if (rows > columns)
        {
            var transposed = new double[cost.Length];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    transposed[(c * rows) + r] = cost[(r * columns) + c];
                }
            }

            int[] byColumn = Solve(transposed, columns, rows);
            var result = Enumerable.Repeat(-1, rows).ToArray();
            for (int c = 0; c < columns; c++)
            {
                result[byColumn[c]] = c;
            }

            return result;
        }

        int n = rows, m = columns;
        // 1-based arrays with index 0 as the virtual start column, as in the textbook formulation.
        var u = new double[n + 1];
        var v = new double[m + 1];
        var rowOfColumn = new int[m + 1];
        var way = new int[m + 1];
        for (int i = 1; i <= n; i++)
        {
            rowOfColumn[0] = i;
            int j0 = 0;
            var minv = Enumerable.Repeat(double.PositiveInfinity, m + 1).ToArray();
            var used = new bool[m + 1];
            do
            {
                used[j0] = true;
                int i0 = rowOfColumn[j0], j1 = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= m; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    double reduced = cost[((i0 - 1) * m) + (j - 1)] - u[i0] - v[j];
                    if (reduced < minv[j])
                    {
                        minv[j] = reduced;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (int j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (rowOfColumn[j0] != 0);

            // Flip the augmenting path.
            do
            {
                int j1 = way[j0];
                rowOfColumn[j0] = rowOfColumn[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var assignment = Enumerable.Repeat(-1, n).ToArray();
        for (int j = 1; j <= m; j++)
        {
            if (rowOfColumn[j] != 0)
            {
                assignment[rowOfColumn[j] - 1] = j - 1;
            }
        }

        return assignment;
    }
}
