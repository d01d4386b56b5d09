using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>The mutable state of one restart: centroids, labels, per-chunk partial sums and the outcome.</summary>
internal sealed class KMeansRun
{
    private readonly int _paddedRows;
    private float[]? _closest;

    public KMeansRun(KMeansProblem p, int restart)
    {
        Restart = restart;
        _paddedRows = p.PaddedRows;
        int k = p.K, d = p.Cols;
        Centroids = new float[k * d];
        Panel = new float[d * CentroidDistances.PanelStride(k)];
        Labels = new int[p.Rows];
        ChunkSums = new double[p.Chunks * k * d];
        ChunkWeights = new double[p.Chunks * k];
        ChunkChanges = new int[p.Chunks];
        ChunkInertia = new double[p.Chunks];
        ChunkEvaluations = new long[p.Chunks];
        Shift = new double[k];
    }

    public int Restart { get; private set; }

    /// <summary>Scratch for k-means++: each row's squared distance to its nearest centroid so far (padded rows).</summary>
    public float[] Closest => _closest ??= new float[_paddedRows];

    /// <summary>Current centroids, K × D row-major.</summary>
    public float[] Centroids { get; }

    /// <summary>The current centroids transposed (<see cref="CentroidDistances.Transpose"/>).</summary>
    public float[] Panel { get; }

    public int[] Labels { get; }

    public double[] ChunkSums { get; }

    public double[] ChunkWeights { get; }

    public int[] ChunkChanges { get; }

    public double[] ChunkInertia { get; }

    public long[] ChunkEvaluations { get; }

    /// <summary>Euclidean shift of each centroid in the last update.</summary>
    public double[] Shift { get; }

    public List<EmptyClusterRelocation> Relocations { get; } = [];

    public int Iterations { get; set; }

    public bool Converged { get; set; }

    public bool StrictConvergence { get; set; }

    public double Inertia { get; set; }

    public long Evaluations { get; set; }

    /// <summary>Prepares the run for another restart (buffers are kept; everything they hold is overwritten).</summary>
    public void Reset(int restart)
    {
        Restart = restart;
        Relocations.Clear();
        Iterations = 0;
        Converged = false;
        StrictConvergence = false;
        Inertia = 0;
        Evaluations = 0;
        Array.Clear(Shift);
        Array.Clear(ChunkEvaluations);
    }

    /// <summary>Resets a chunk's partial sums before it is accumulated again.</summary>
    public void ClearChunk(KMeansProblem p, int chunk)
    {
        ChunkSums.AsSpan(chunk * p.K * p.Cols, p.K * p.Cols).Clear();
        ChunkWeights.AsSpan(chunk * p.K, p.K).Clear();
        ChunkChanges[chunk] = 0;
        ChunkInertia[chunk] = 0;
    }

    /// <summary>Adds the chunk's rows to their labels' partial sums, in row order (every algorithm, the same bits).</summary>
    public void AccumulateChunk(KMeansProblem p, int chunk)
    {
        var (start, end) = p.Chunk(chunk);
        VectorMath.AccumulateRows(p.X.AsSpan(start * p.Cols, (end - start) * p.Cols), p.Cols, Labels.AsSpan(start, end - start),
            p.Weights is null ? default : p.Weights.AsSpan(start, end - start),
            ChunkSums.AsSpan(chunk * p.K * p.Cols, p.K * p.Cols), ChunkWeights.AsSpan(chunk * p.K, p.K));
    }

    /// <summary>Rebuilds <see cref="Panel"/> after <see cref="Centroids"/> changed.</summary>
    public void RefreshPanel(KMeansProblem p) => CentroidDistances.Transpose(Centroids, p.K, p.Cols, Panel);
}
