using System.Runtime.CompilerServices;
using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>
/// The validated, read-only inputs of one k-means fit, shared by its restarts: the data in row-major and tiled
/// layouts, weights, the fixed chunking, and the thread budget for row-parallel loops.
/// </summary>
internal sealed class KMeansProblem
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public KMeansProblem(float[] x, int rows, int cols, int k, double[]? weights, int maxIterations, double tolerance,
        int rowThreads, CancellationToken cancellation, int setupThreads = 1)
    {
        X = x;
        Rows = rows;
        Cols = cols;
        K = k;
        Weights = weights;
        MaxIterations = maxIterations;
        Tolerance = tolerance;
        RowThreads = rowThreads;
        Cancellation = cancellation;

        // Fixed chunking that depends only on the row count: at most ~64 chunks of a whole number of tiles, so
        // per-chunk partial sums added in chunk order give the same bits for any thread count.
        int perChunk = Math.Max(1024, (rows + 63) / 64);
        ChunkRows = (perChunk + CentroidDistances.TileRows - 1) / CentroidDistances.TileRows * CentroidDistances.TileRows;
        Chunks = (rows + ChunkRows - 1) / ChunkRows;
        Tiles = RowTiles.Build(x, rows, cols, Math.Max(rowThreads, setupThreads));
        Slack = (cols + 8) * 1.2e-7;
        PaddedRows = RowTiles.Count(rows) * CentroidDistances.TileRows;
        TileWeights = new double[PaddedRows];
        ChunkWeightTotals = new double[Chunks];
        for (int r = 0; r < rows; r++)
        {
            TileWeights[r] = weights?[r] ?? 1.0;
            ChunkWeightTotals[r / ChunkRows] += TileWeights[r];
        }
    }

    /// <summary>Σ weight per chunk (row order), for drawing the first k-means++ centroid.</summary>
    public double[] ChunkWeightTotals { get; }

    /// <summary>Rows rounded up to whole tiles.</summary>
    public int PaddedRows { get; }

    /// <summary>Weights per padded row: the row's weight (1 when unweighted), 0 for the padding lanes.</summary>
    public double[] TileWeights { get; }

    /// <summary>Row-major data, Rows × Cols.</summary>
    public float[] X { get; }

    /// <summary>The same data in <see cref="RowTiles"/> layout.</summary>
    public float[] Tiles { get; }

    public int Rows { get; }

    public int Cols { get; }

    public int K { get; }

    /// <summary>Per-row weights, or null for all 1.</summary>
    public double[]? Weights { get; }

    public int MaxIterations { get; }

    /// <summary>Absolute tolerance on the summed squared centroid shift.</summary>
    public double Tolerance { get; }

    public int RowThreads { get; }

    public CancellationToken Cancellation { get; }

    public int ChunkRows { get; }

    public int Chunks { get; }

    /// <summary>
    /// Relative slack for the triangle-inequality bounds: comfortably above the relative error of a float32 squared
    /// distance (≈ (D + 2)·2⁻²⁴, halved by the square root) so pruning never hides a closer or tied centroid.
    /// </summary>
    public double Slack { get; }

    public double Weight(int row) => Weights is null ? 1.0 : Weights[row];

    public ReadOnlySpan<float> Row(int row) => X.AsSpan(row * Cols, Cols);

    public ReadOnlySpan<float> Tile(int tile) => Tiles.AsSpan(tile * Cols * CentroidDistances.TileRows, Cols * CentroidDistances.TileRows);

    public (int Start, int End) Chunk(int chunk) => (chunk * ChunkRows, Math.Min(Rows, (chunk + 1) * ChunkRows));

    /// <summary>Runs <paramref name="body"/> for every chunk, on up to <see cref="RowThreads"/> threads.</summary>
    public void ForEachChunk(Action<int> body)
    {
        Cancellation.ThrowIfCancellationRequested();
        if (RowThreads <= 1 || Chunks <= 1)
        {
            for (int c = 0; c < Chunks; c++)
            {
                body(c);
            }

            return;
        }

        Parallel.For(0, Chunks, new ParallelOptions { MaxDegreeOfParallelism = RowThreads, CancellationToken = Cancellation }, body);
    }
}
