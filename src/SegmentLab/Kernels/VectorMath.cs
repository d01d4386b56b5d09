using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SegmentLab.Kernels;

/// <summary>
/// General span kernels: squared Euclidean distance, dot product and squared row norms. Each has a scalar reference
/// path and a vector path (Vector256, or Vector512 where the hardware has it); the public entry picks the vector path
/// when the hardware accelerates it. The vector paths keep per-lane partial sums and add the lanes at the end, so
/// they round differently from the scalar path (tests compare them with a tolerance). k-means does not use these for
/// assignments: it uses <see cref="CentroidDistances"/>, whose per-pair arithmetic is the same in every path.
/// </summary>
internal static class VectorMath
{
    /// <summary>Σ (a[i] − b[i])², float32 lanes.</summary>
    public static float SquaredEuclidean(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        Vector256.IsHardwareAccelerated ? SquaredEuclideanVector(a, b) : SquaredEuclideanScalar(a, b);

    /// <summary>Σ a[i]·b[i], float32 lanes.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        Vector256.IsHardwareAccelerated ? DotVector(a, b) : DotScalar(a, b);

    /// <summary>
    /// Squared norm of each row of the row-major <paramref name="x"/> (<c>norms.Length</c> rows × <paramref name="columns"/>),
    /// accumulated in float64 because norms feed sums over many rows.
    /// </summary>
    public static void SquaredRowNorms(ReadOnlySpan<float> x, int columns, Span<double> norms)
    {
        CheckRows(x, columns, norms.Length);
        for (int r = 0; r < norms.Length; r++)
        {
            norms[r] = SquaredNorm(x.Slice(r * columns, columns));
        }
    }

    /// <summary>Σ a[i]² accumulated in float64.</summary>
    public static double SquaredNorm(ReadOnlySpan<float> a) =>
        Vector256.IsHardwareAccelerated ? SquaredNormVector(a) : SquaredNormScalar(a);

    /// <summary>
    /// <c>acc[j] += w · x[j]</c> in float64, element by element (so the scalar and vector paths agree exactly): the
    /// centroid-sum accumulation of k-means.
    /// </summary>
    public static void AddScaled(ReadOnlySpan<float> x, double w, Span<double> acc)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            AddScaledVector(x, w, acc);
        }
        else
        {
            AddScaledScalar(x, w, acc);
        }
    }

    /// <summary>
    /// Adds rows <c>x[r]</c> (row-major, <paramref name="d"/> columns) into <c>sums[labels[r]]</c> and their weights into
    /// <c>weightSums[labels[r]]</c>, in float64 (<c>fma(w, x, s)</c>, plain adds when <paramref name="weights"/> is
    /// empty — the same bits, since fma(1, x, s) = s + x). The centroid update of k-means.
    /// </summary>
    /// <remarks>
    /// Row r goes into partial copy r mod 4 and the copies are added to the outputs in order 0..3: four independent
    /// load-add-store chains instead of one (consecutive rows of one cluster would otherwise wait on each other's
    /// stores). The order depends only on the row index, so the bits are the same on every call. (Grouping rows by
    /// label and summing in registers was measured slower: the gathered rows defeat the prefetcher.)
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccumulateRows(ReadOnlySpan<float> x, int d, ReadOnlySpan<int> labels, ReadOnlySpan<double> weights,
        Span<double> sums, Span<double> weightSums)
    {
        const int Copies = 4;
        int rows = labels.Length, k = weightSums.Length, block = k * d;
        if ((long)rows * d > x.Length || (weights.Length != 0 && weights.Length < rows) || sums.Length < block)
        {
            throw new ArgumentException($"{rows} rows × {d} columns need {(long)rows * d} values, as many weights (or none) and {block} sums.");
        }

        double[] scratch = ArrayPool<double>.Shared.Rent(Copies * (block + k));
        Span<double> copies = scratch.AsSpan(0, Copies * (block + k));
        copies.Clear();
        ref float px = ref MemoryMarshal.GetReference(x);
        ref double ps = ref MemoryMarshal.GetReference(copies);
        for (int r = 0; r < rows; r++)
        {
            int label = labels[r];
            if ((uint)label >= (uint)k)
            {
                ArrayPool<double>.Shared.Return(scratch);
                throw new ArgumentOutOfRangeException(nameof(labels), $"label {label} has no slot among {k}.");
            }

            int copy = r & (Copies - 1);
            ref float row = ref Unsafe.Add(ref px, r * d);
            ref double sum = ref Unsafe.Add(ref ps, (copy * block) + (label * d));
            if (weights.Length != 0)
            {
                double w = weights[r];
                Unsafe.Add(ref ps, (Copies * block) + (copy * k) + label) += w;
                AddScaled(MemoryMarshal.CreateReadOnlySpan(ref row, d), w, MemoryMarshal.CreateSpan(ref sum, d));
                continue;
            }

            Unsafe.Add(ref ps, (Copies * block) + (copy * k) + label) += 1.0;
            int j = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; j + 16 <= d; j += 16)
                {
                    var (lo, hi) = Vector512.Widen(Vector512.LoadUnsafe(ref row, (nuint)j));
                    (Vector512.LoadUnsafe(ref sum, (nuint)j) + lo).StoreUnsafe(ref sum, (nuint)j);
                    (Vector512.LoadUnsafe(ref sum, (nuint)(j + 8)) + hi).StoreUnsafe(ref sum, (nuint)(j + 8));
                }
            }

            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 8 <= d; j += 8)
                {
                    var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref row, (nuint)j));
                    (Vector256.LoadUnsafe(ref sum, (nuint)j) + lo).StoreUnsafe(ref sum, (nuint)j);
                    (Vector256.LoadUnsafe(ref sum, (nuint)(j + 4)) + hi).StoreUnsafe(ref sum, (nuint)(j + 4));
                }
            }

            for (; j < d; j++)
            {
                Unsafe.Add(ref sum, j) += Unsafe.Add(ref row, j);
            }
        }

        for (int copy = 0; copy < Copies; copy++)
        {
            ReadOnlySpan<double> part = copies.Slice(copy * block, block);
            for (int i = 0; i < block; i++)
            {
                sums[i] += part[i];
            }

            ReadOnlySpan<double> partWeights = copies.Slice((Copies * block) + (copy * k), k);
            for (int i = 0; i < k; i++)
            {
                weightSums[i] += partWeights[i];
            }
        }

        ArrayPool<double>.Shared.Return(scratch);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddScaledScalar(ReadOnlySpan<float> x, double w, Span<double> acc)
    {
        if (acc.Length < x.Length)
        {
            throw new ArgumentException($"the accumulator has {acc.Length} slots for {x.Length} values.");
        }

        for (int j = 0; j < x.Length; j++)
        {
            acc[j] = Math.FusedMultiplyAdd(w, x[j], acc[j]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddScaledVector(ReadOnlySpan<float> x, double w, Span<double> acc)
    {
        if (acc.Length < x.Length)
        {
            throw new ArgumentException($"the accumulator has {acc.Length} slots for {x.Length} values.");
        }

        ref float px = ref MemoryMarshal.GetReference(x);
        ref double pa = ref MemoryMarshal.GetReference(acc);
        var vw = Vector256.Create(w);
        int n = x.Length, j = 0;
        for (; j + 8 <= n; j += 8)
        {
            var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref px, (nuint)j));
            Vector256.FusedMultiplyAdd(vw, lo, Vector256.LoadUnsafe(ref pa, (nuint)j)).StoreUnsafe(ref pa, (nuint)j);
            Vector256.FusedMultiplyAdd(vw, hi, Vector256.LoadUnsafe(ref pa, (nuint)(j + 4))).StoreUnsafe(ref pa, (nuint)(j + 4));
        }

        for (; j < n; j++)
        {
            Unsafe.Add(ref pa, j) = Math.FusedMultiplyAdd(w, Unsafe.Add(ref px, j), Unsafe.Add(ref pa, j));
        }
    }

    internal static float SquaredEuclideanScalar(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        CheckSameLength(a, b);
        float acc = 0;
        for (int i = 0; i < a.Length; i++)
        {
            float d = a[i] - b[i];
            acc = MathF.FusedMultiplyAdd(d, d, acc);
        }

        return acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float SquaredEuclideanVector(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        CheckSameLength(a, b);
        ref float pa = ref MemoryMarshal.GetReference(a);
        ref float pb = ref MemoryMarshal.GetReference(b);
        int n = a.Length, i = 0;
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        for (; i + 16 <= n; i += 16)
        {
            var d0 = Vector256.LoadUnsafe(ref pa, (nuint)i) - Vector256.LoadUnsafe(ref pb, (nuint)i);
            var d1 = Vector256.LoadUnsafe(ref pa, (nuint)(i + 8)) - Vector256.LoadUnsafe(ref pb, (nuint)(i + 8));
            acc0 = Vector256.FusedMultiplyAdd(d0, d0, acc0);
            acc1 = Vector256.FusedMultiplyAdd(d1, d1, acc1);
        }

        if (i + 8 <= n)
        {
            var d0 = Vector256.LoadUnsafe(ref pa, (nuint)i) - Vector256.LoadUnsafe(ref pb, (nuint)i);
            acc0 = Vector256.FusedMultiplyAdd(d0, d0, acc0);
            i += 8;
        }

        float sum = Vector256.Sum(acc0 + acc1);
        for (; i < n; i++)
        {
            float d = Unsafe.Add(ref pa, i) - Unsafe.Add(ref pb, i);
            sum = MathF.FusedMultiplyAdd(d, d, sum);
        }

        return sum;
    }

    internal static float DotScalar(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        CheckSameLength(a, b);
        float acc = 0;
        for (int i = 0; i < a.Length; i++)
        {
            acc = MathF.FusedMultiplyAdd(a[i], b[i], acc);
        }

        return acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float DotVector(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        CheckSameLength(a, b);
        ref float pa = ref MemoryMarshal.GetReference(a);
        ref float pb = ref MemoryMarshal.GetReference(b);
        int n = a.Length, i = 0;
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        for (; i + 16 <= n; i += 16)
        {
            acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)i), Vector256.LoadUnsafe(ref pb, (nuint)i), acc0);
            acc1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)(i + 8)), Vector256.LoadUnsafe(ref pb, (nuint)(i + 8)), acc1);
        }

        if (i + 8 <= n)
        {
            acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)i), Vector256.LoadUnsafe(ref pb, (nuint)i), acc0);
            i += 8;
        }

        float sum = Vector256.Sum(acc0 + acc1);
        for (; i < n; i++)
        {
            sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref pa, i), Unsafe.Add(ref pb, i), sum);
        }

        return sum;
    }

    internal static double SquaredNormScalar(ReadOnlySpan<float> a)
    {
        double acc = 0;
        for (int i = 0; i < a.Length; i++)
        {
            acc = Math.FusedMultiplyAdd(a[i], a[i], acc);
        }

        return acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double SquaredNormVector(ReadOnlySpan<float> a)
    {
        ref float pa = ref MemoryMarshal.GetReference(a);
        int n = a.Length, i = 0;
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        for (; i + 8 <= n; i += 8)
        {
            var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref pa, (nuint)i));
            acc0 = Vector256.FusedMultiplyAdd(lo, lo, acc0);
            acc1 = Vector256.FusedMultiplyAdd(hi, hi, acc1);
        }

        double sum = Vector256.Sum(acc0 + acc1);
        for (; i < n; i++)
        {
            double v = Unsafe.Add(ref pa, i);
            sum = Math.FusedMultiplyAdd(v, v, sum);
        }

        return sum;
    }

    private static void CheckSameLength(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"the spans differ in length ({a.Length} and {b.Length}).");
        }
    }

    private static void CheckRows(ReadOnlySpan<float> x, int columns, int rows)
    {
        if ((long)rows * columns > x.Length)
        {
            throw new ArgumentException($"{rows} rows × {columns} columns need {(long)rows * columns} values; {x.Length} were given.");
        }
    }
}
