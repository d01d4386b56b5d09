using BenchmarkDotNet.Attributes;
using SegmentLab.Kernels;

namespace SegmentLab.Bench.Micro;

/// <summary>
/// The k-means assignment kernels on 16,384 rows × <see cref="Features"/> against K centroids: the tile kernel per
/// vector width, the row-at-a-time kernel, and the float64 centroid-sum accumulation. Not run in CI:
/// <c>dotnet run -c Release --project bench/SegmentLab.Bench -- micro --filter '*'</c>.
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private const int Rows = 16_384;
    private const int T = CentroidDistances.TileRows;
    private float[] _x = [];
    private float[] _tiles = [];
    private float[] _centroids = [];
    private float[] _panel = [];
    private readonly int[] _labels = new int[T];
    private readonly float[] _best = new float[T];
    private readonly float[] _second = new float[T];
    private double[] _sums = [];

    [Params(16, 64)]
    public int Features { get; set; }

    [Params(8, 32)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _x = Enumerable.Range(0, Rows * Features).Select(_ => (float)rng.NextDouble()).ToArray();
        _tiles = RowTiles.Build(_x, Rows, Features);
        _centroids = _x[..(K * Features)];
        _panel = new float[Features * CentroidDistances.PanelStride(K)];
        CentroidDistances.Transpose(_centroids, K, Features, _panel);
        _sums = new double[K * Features];
    }

    [Benchmark(Baseline = true)]
    public int TileNearestScalar() => Tiles(CentroidDistances.TileNearestScalar);

    [Benchmark]
    public int TileNearestVector256() => Tiles(CentroidDistances.TileNearestVector256);

    [Benchmark]
    public int TileNearestVector512() => System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? Tiles(CentroidDistances.TileNearestVector512) : 0;

    [Benchmark]
    public int RowToCentroidsArgMin()
    {
        Span<float> d = stackalloc float[CentroidDistances.PanelStride(K)];
        int sum = 0;
        for (int r = 0; r < Rows; r++)
        {
            CentroidDistances.RowToCentroids(_x.AsSpan(r * Features, Features), _panel, K, d);
            sum += CentroidDistances.ArgMin2(d, K, out _, out _);
        }

        return sum;
    }

    [Benchmark]
    public double AccumulateSums()
    {
        for (int r = 0; r < Rows; r++)
        {
            VectorMath.AddScaled(_x.AsSpan(r * Features, Features), 1.0, _sums.AsSpan((r % K) * Features, Features));
        }

        return _sums[0];
    }

    private delegate void TileKernel(ReadOnlySpan<float> tile, ReadOnlySpan<float> centroids, int k, int d, Span<int> labels, Span<float> best, Span<float> second);

    private int Tiles(TileKernel kernel)
    {
        int sum = 0;
        for (int t = 0; t < Rows / T; t++)
        {
            kernel(_tiles.AsSpan(t * Features * T, Features * T), _centroids, K, Features, _labels, _best, _second);
            sum += _labels[0];
        }

        return sum;
    }
}
