using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SegmentLab.Kernels;

/// <summary>
/// Row-against-row and row-against-centroid distance primitives in float64 arithmetic, each with a scalar reference
/// path and a Vector256 path (tested against each other over lengths 0–256). Used where accuracy matters more than
/// raw speed: the exact fallback of the blocked silhouette kernel, the simplified silhouette and the cluster indices.
/// </summary>
internal static class PairwiseKernels
{
    /// <summary>Σ (a[d] − b[d])² in float64 (float32 inputs are widened, so the differences are exact).</summary>
    public static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        Vector256.IsHardwareAccelerated && a.Length >= Vector256<float>.Count
            ? SquaredDistanceVector(a, b)
            : SquaredDistanceScalar(a, b);

    /// <summary>Σ (a[d] − b[d])² in float64, with <paramref name="b"/> already float64 (a centroid or mean).</summary>
    public static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<double> b) =>
        Vector256.IsHardwareAccelerated && a.Length >= Vector256<double>.Count
            ? SquaredDistanceVector(a, b)
            : SquaredDistanceScalar(a, b);

    /// <summary>Scalar reference of <see cref="SquaredDistance(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.</summary>
    public static double SquaredDistanceScalar(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        CheckLengths(a.Length, b.Length);
        double s = 0;
        for (int d = 0; d < a.Length; d++)
        {
            double diff = (double)a[d] - b[d];
            s += diff * diff;
        }

        return s;
    }

    /// <summary>Scalar reference of <see cref="SquaredDistance(ReadOnlySpan{float}, ReadOnlySpan{double})"/>.</summary>
    public static double SquaredDistanceScalar(ReadOnlySpan<float> a, ReadOnlySpan<double> b)
    {
        CheckLengths(a.Length, b.Length);
        double s = 0;
        for (int d = 0; d < a.Length; d++)
        {
            double diff = a[d] - b[d];
            s += diff * diff;
        }

        return s;
    }

    /// <summary>Vector path: 8 floats at a time, widened to two float64 vectors.</summary>
    public static double SquaredDistanceVector(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        CheckLengths(a.Length, b.Length);
        ref float ra = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
        ref float rb = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
        Vector256<double> acc0 = Vector256<double>.Zero, acc1 = Vector256<double>.Zero;
        int d = 0;
        for (; d <= a.Length - Vector256<float>.Count; d += Vector256<float>.Count)
        {
            Vector256<float> va = Vector256.LoadUnsafe(ref ra, (nuint)d);
            Vector256<float> vb = Vector256.LoadUnsafe(ref rb, (nuint)d);
            Vector256<double> lo = Vector256.WidenLower(va) - Vector256.WidenLower(vb);
            Vector256<double> hi = Vector256.WidenUpper(va) - Vector256.WidenUpper(vb);
            acc0 = MultiplyAdd(lo, lo, acc0);
            acc1 = MultiplyAdd(hi, hi, acc1);
        }

        double s = Vector256.Sum(acc0 + acc1);
        for (; d < a.Length; d++)
        {
            double diff = (double)a[d] - b[d];
            s += diff * diff;
        }

        return s;
    }

    /// <summary>Vector path: 4 values at a time in float64.</summary>
    public static double SquaredDistanceVector(ReadOnlySpan<float> a, ReadOnlySpan<double> b)
    {
        CheckLengths(a.Length, b.Length);
        ref float ra = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
        ref double rb = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
        Vector256<double> acc = Vector256<double>.Zero;
        int d = 0;
        for (; d <= a.Length - Vector256<double>.Count; d += Vector256<double>.Count)
        {
            Vector256<double> va = Vector256.WidenLower(Vector128.LoadUnsafe(ref ra, (nuint)d).ToVector256Unsafe());
            Vector256<double> diff = va - Vector256.LoadUnsafe(ref rb, (nuint)d);
            acc = MultiplyAdd(diff, diff, acc);
        }

        double s = Vector256.Sum(acc);
        for (; d < a.Length; d++)
        {
            double diff = a[d] - b[d];
            s += diff * diff;
        }

        return s;
    }

    /// <summary>a × b + c, fused where the CPU has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    /// <summary>a × b + c, fused where the CPU has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    /// <summary>a × b + c, fused where the CPU has AVX-512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    private static void CheckLengths(int a, int b)
    {
        if (a != b)
        {
            throw new ArgumentException($"the two vectors differ in length ({a} and {b}).");
        }
    }
}
