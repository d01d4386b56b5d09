namespace SegmentLab.Kernels;

/// <summary>
/// xoshiro256** (Blackman and Vigna), its four words filled by SplitMix64 from one 64-bit start value: small, fast and
/// platform-stable (unlike <see cref="Random"/>, whose algorithm is an implementation detail). The one generator core
/// of the library; each area derives the start value from (seed, stream) its own way, so every restart, replicate or
/// customer has its own stream and results never depend on thread count. Mutable struct: pass by <c>ref</c>.
/// </summary>
internal struct Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the state with four SplitMix64 outputs starting from <paramref name="start"/>.</summary>
    public Xoshiro256(ulong start)
    {
        _s0 = SplitMix(ref start);
        _s1 = SplitMix(ref start);
        _s2 = SplitMix(ref start);
        _s3 = SplitMix(ref start);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>SplitMix64's step: advances <paramref name="x"/> by the golden-ratio increment and mixes it.</summary>
    internal static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
