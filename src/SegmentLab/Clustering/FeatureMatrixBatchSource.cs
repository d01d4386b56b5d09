using SegmentLab.Features;

namespace SegmentLab.Clustering;

/// <summary>
/// An in-memory <see cref="FeatureMatrix"/> as a batch source: each epoch visits every row once in a seeded random
/// order (a fresh permutation per epoch), which plays the role of scikit-learn's random mini-batches.
/// </summary>
public sealed class FeatureMatrixBatchSource : IFeatureBatchSource
{
    private readonly FeatureMatrix _data;

    /// <summary>Wraps <paramref name="data"/> (not copied).</summary>
    public FeatureMatrixBatchSource(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ColumnNames => _data.ColumnNames;

    /// <inheritdoc />
    public long Rows => _data.Rows;

    /// <inheritdoc />
    public FeatureMatrix? Materialized => _data;

    /// <inheritdoc />
    public FeatureMatrix Sample(int rows, int seed, CancellationToken cancellationToken)
    {
        int[] order = Permutation(_data.Rows, new SeededRandom(seed, -1));
        return _data.SelectRows(order.AsSpan(0, Math.Min(rows, _data.Rows)));
    }

    /// <inheritdoc />
    public IEnumerable<FeatureMatrix> Batches(int batchSize, int epoch, int seed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int[] order = Permutation(_data.Rows, new SeededRandom(seed, int.MaxValue - epoch));
        for (int start = 0; start < order.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return _data.SelectRows(order.AsSpan(start, Math.Min(batchSize, order.Length - start)));
        }
    }

    /// <summary>Fisher–Yates shuffle of 0..n−1.</summary>
    internal static int[] Permutation(int n, SeededRandom rng)
    {
        int[] order = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
