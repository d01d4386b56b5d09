using SegmentLab.Features;
using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>
/// A fitted k-means model: K centroids, the training labels and inertia, and how the fit went. Immutable.
/// </summary>
public sealed class KMeansModel
{
    private readonly float[] _panel;

    internal KMeansModel(FeatureMatrix centroids, int[] labels, double inertia, int iterations, bool converged,
        IReadOnlyList<double> restartInertias, KMeansDiagnostics diagnostics)
    {
        Centroids = centroids;
        Labels = labels;
        Inertia = inertia;
        Iterations = iterations;
        Converged = converged;
        RestartInertias = restartInertias;
        Diagnostics = diagnostics;
        _panel = new float[centroids.Columns * CentroidDistances.PanelStride(centroids.Rows)];
        CentroidDistances.Transpose(centroids.Values, centroids.Rows, centroids.Columns, _panel);
    }

    /// <summary>Number of clusters (rows of <see cref="Centroids"/>).</summary>
    public int K => Centroids.Rows;

    /// <summary>The centroids, K × D, with the training data's column names.</summary>
    public FeatureMatrix Centroids { get; }

    /// <summary>
    /// Cluster of each training row, 0..K−1 (backed by an <c>int[]</c>). Empty for a model built with
    /// <see cref="FromCentroids"/> or trained on a streamed source (use <see cref="Predict"/>).
    /// </summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Sum over training rows of weight × squared distance to the assigned centroid; NaN for a model built from centroids.</summary>
    public double Inertia { get; }

    /// <summary>Iterations of the winning restart (for mini-batch k-means: mini-batch steps).</summary>
    public int Iterations { get; }

    /// <summary>Whether the winning restart converged before the iteration cap.</summary>
    public bool Converged { get; }

    /// <summary>Final inertia of every restart, by restart index.</summary>
    public IReadOnlyList<double> RestartInertias { get; }

    /// <summary>Non-fatal facts about the fit.</summary>
    public KMeansDiagnostics Diagnostics { get; }

    /// <summary>A predict-only model from saved centroids (K × D): empty labels, NaN inertia, zero iterations.</summary>
    /// <exception cref="ArgumentException">The centroids are empty or not finite.</exception>
    public static KMeansModel FromCentroids(FeatureMatrix centroids)
    {
        ArgumentNullException.ThrowIfNull(centroids);
        if (centroids.Rows < 1 || centroids.Columns < 1)
        {
            throw new ArgumentException($"centroids must have at least one row and one column; got {centroids.Rows} × {centroids.Columns}.", nameof(centroids));
        }

        for (int i = 0; i < centroids.Values.Length; i++)
        {
            if (!float.IsFinite(centroids.Values[i]))
            {
                throw new ArgumentException($"centroid {i / centroids.Columns}, column '{centroids.ColumnNames[i % centroids.Columns]}' is {centroids.Values[i]}; centroids must be finite.", nameof(centroids));
            }
        }

        return new KMeansModel(centroids, [], double.NaN, 0, false, [], KMeansDiagnostics.None);
    }

    /// <summary>The nearest centroid of each row of <paramref name="x"/> (n × D); ties go to the lowest index.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have D columns.</exception>
    public int[] Predict(FeatureMatrix x)
    {
        CheckColumns(x);
        var labels = new int[x.Rows];
        ForRowBlocks(x.Rows, (start, end) =>
        {
            Span<float> d = stackalloc float[CentroidDistances.PanelStride(K)];
            for (int r = start; r < end; r++)
            {
                CentroidDistances.RowToCentroids(x.Row(r), _panel, K, d);
                labels[r] = CentroidDistances.ArgMin2(d, K, out _, out _);
            }
        });
        return labels;
    }

    /// <summary>
    /// Euclidean distance of each row of <paramref name="x"/> (n × D) to each centroid: an n × K matrix with columns
    /// <c>distance_0 … distance_{K−1}</c>. Its row-wise argmin is <see cref="Predict"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have D columns.</exception>
    public FeatureMatrix Transform(FeatureMatrix x)
    {
        CheckColumns(x);
        int k = K;
        var values = new float[(long)x.Rows * k];
        ForRowBlocks(x.Rows, (start, end) =>
        {
            Span<float> d = stackalloc float[CentroidDistances.PanelStride(k)];
            for (int r = start; r < end; r++)
            {
                CentroidDistances.RowToCentroids(x.Row(r), _panel, k, d);
                for (int c = 0; c < k; c++)
                {
                    values[((long)r * k) + c] = MathF.Sqrt(d[c]);
                }
            }
        });
        return new FeatureMatrix(values, x.Rows, k, Enumerable.Range(0, k).Select(c => $"distance_{c}").ToArray());
    }

    /// <summary>The squared distance of each row to its predicted centroid, summed with the given weights (null: 1).</summary>
    internal double Score(FeatureMatrix x, ReadOnlySpan<int> labels, IReadOnlyList<double>? weights)
    {
        double sum = 0;
        for (int r = 0; r < x.Rows; r++)
        {
            sum += (weights?[r] ?? 1.0) * CentroidDistances.Pair(x.Row(r), Centroids.Row(labels[r]));
        }

        return sum;
    }

    private void CheckColumns(FeatureMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != Centroids.Columns)
        {
            throw new ArgumentException($"the data has {x.Columns} columns but the model's centroids have {Centroids.Columns}.", nameof(x));
        }
    }

    private static void ForRowBlocks(int rows, Action<int, int> body)
    {
        const int Block = 4096;
        int blocks = (rows + Block - 1) / Block;
        if (blocks <= 1)
        {
            body(0, rows);
            return;
        }

        Parallel.For(0, blocks, b => body(b * Block, Math.Min(rows, (b + 1) * Block)));
    }
}
