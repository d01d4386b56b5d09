using BenchmarkDotNet.Attributes;
using SegmentLab.Kernels;

namespace SegmentLab.Bench.Micro;

/// <summary>Scalar reference vs vector path of the general span kernels, by length.</summary>
public class VectorMathBenchmarks
{
    private float[] _a = [];
    private float[] _b = [];

    [Params(16, 256, 4096)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(2);
        _a = Enumerable.Range(0, Length).Select(_ => (float)rng.NextDouble()).ToArray();
        _b = Enumerable.Range(0, Length).Select(_ => (float)rng.NextDouble()).ToArray();
    }

    [Benchmark(Baseline = true)]
    public float SquaredEuclideanScalar() => VectorMath.SquaredEuclideanScalar(_a, _b);

    [Benchmark]
    public float SquaredEuclideanVector() => VectorMath.SquaredEuclideanVector(_a, _b);

    [Benchmark]
    public float DotVector() => VectorMath.DotVector(_a, _b);
}
