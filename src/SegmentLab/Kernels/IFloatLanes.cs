using System.Runtime.Intrinsics;

namespace SegmentLab.Kernels;

/// <summary>
/// The float-lane operations a micro-kernel needs, as static members over the vector type itself, so one kernel
/// source serves Vector256 and Vector512: the JIT compiles a separate body per width (the type arguments are structs)
/// and inlines every member, so the generic code is the same machine code as a hand-written copy per width. No
/// wrapper struct around the vector, so nothing depends on the JIT promoting one into a register.
/// </summary>
/// <typeparam name="TVec">Vector256&lt;float&gt; or Vector512&lt;float&gt;.</typeparam>
internal interface IFloatLanes<TVec>
    where TVec : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Count { get; }

    static abstract TVec Zero { get; }

    static abstract TVec AllBitsSet { get; }

    static abstract TVec Create(float value);

    static abstract TVec Load(ref float source, nuint offset);

    static abstract void Store(TVec value, ref float destination, nuint offset);

    static abstract TVec Add(TVec a, TVec b);

    static abstract TVec Subtract(TVec a, TVec b);

    static abstract TVec Scale(TVec a, float b);

    static abstract TVec And(TVec a, TVec b);

    static abstract TVec Or(TVec a, TVec b);

    /// <summary>a with the bits of <paramref name="mask"/> cleared (a &amp; ~mask).</summary>
    static abstract TVec AndNot(TVec a, TVec mask);

    /// <summary>a × b + c, fused where the CPU can (<see cref="PairwiseKernels.MultiplyAdd(Vector256{float}, Vector256{float}, Vector256{float})"/>).</summary>
    static abstract TVec MultiplyAdd(TVec a, TVec b, TVec c);

    static abstract TVec MinNative(TVec a, TVec b);

    static abstract TVec LessThan(TVec a, TVec b);

    static abstract bool LessThanAny(TVec a, TVec b);

    /// <summary>Whether any lane differs from +0 (a comparison mask with any lane set does).</summary>
    static abstract bool AnyNonZero(TVec a);

    static abstract TVec Sqrt(TVec a);

    static abstract float Sum(TVec a);

    static abstract uint MostSignificantBits(TVec a);
}
