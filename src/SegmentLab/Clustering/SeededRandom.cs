using SegmentLab.Kernels;

namespace SegmentLab.Clustering;

/// <summary>
/// Clustering's streams of <see cref="Xoshiro256"/>: a restart's draws depend only on the user's seed and the restart
/// index (the stream), never on threads or the .NET version. Mutable struct: pass by <c>ref</c>.
/// </summary>
internal struct SeededRandom
{
    private Xoshiro256 _core;

    public SeededRandom(int seed, int stream) =>
        _core = new Xoshiro256(unchecked((ulong)(uint)seed ^ ((ulong)(uint)stream * 0x9E3779B97F4A7C15UL) ^ 0x6A09E667F3BCC909UL));

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _core.NextDouble();

    /// <summary>Uniform integer in [0, n).</summary>
    public int Next(int n) => (int)((_core.NextUInt64() >> 11) % (ulong)n);
}
