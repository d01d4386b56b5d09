using SegmentLab.Kernels;

namespace SegmentLab.Validation;

/// <summary>
/// Validation's streams of <see cref="Xoshiro256"/>: one per (seed, stream), e.g. per bootstrap replicate, so results do
/// not depend on how replicates are spread over threads. Mutable struct: pass by <c>ref</c>.
/// </summary>
internal struct ValidationRng
{
    private Xoshiro256 _core;

    public ValidationRng(int seed, long stream) =>
        _core = new Xoshiro256(((ulong)(uint)seed << 32) ^ ((ulong)stream * 0x9E3779B97F4A7C15UL) ^ 0x5851F42D4C957F2DUL);

    /// <summary>Uniform in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => _core.NextDouble();

    /// <summary>Uniform integer in [0, n) by multiply-shift of the top 32 bits (bias below n / 2³², negligible here).</summary>
    public int Next(int n) => (int)(((_core.NextUInt64() >> 32) * (ulong)n) >> 32);
}
