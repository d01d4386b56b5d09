using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SegmentLab.Features;
using SegmentLab.Kernels;

namespace SegmentLab.Decomposition;

public static partial class Pca
{
    /// <summary>Fewest rows per stripe; stripes grow so there are at most <see cref="MaxStripes"/> of them.</summary>
    private const int MinStripeRows = 4096;

    /// <summary>Most stripes (bounds the per-stripe D × D partial sums to 64·D² doubles).</summary>
    private const int MaxStripes = 64;

    /// <summary>
    /// Row stripes that depend only on the row count (never on the thread count), so the float64 partial sums are
    /// combined in the same order on every machine.
    /// </summary>
    private static (int Size, int Count) Stripes(int rows)
    {
        int size = Math.Max(MinStripeRows, (rows + MaxStripes - 1) / MaxStripes);
        return (size, (rows + size - 1) / size);
    }

    /// <summary>Column means in float64.</summary>
    internal static double[] ColumnMeans(FeatureMatrix data, int? maxDegreeOfParallelism, CancellationToken ct)
    {
        int n = data.Rows, dims = data.Columns;
        var (size, count) = Stripes(n);
        var partial = new double[count * dims];
        float[] x = data.Buffer;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1, CancellationToken = ct };
        Parallel.For(0, count, options, s => ColumnSums(x, dims, s * size, Math.Min(n, (s + 1) * size), partial.AsSpan(s * dims, dims)));

        var mean = new double[dims];
        for (int s = 0; s < count; s++)
        {
            for (int d = 0; d < dims; d++)
            {
                mean[d] += partial[(s * dims) + d];
            }
        }

        for (int d = 0; d < dims; d++)
        {
            mean[d] /= n;
        }

        return mean;
    }

    /// <summary>Adds the column sums of rows [from, to) to <paramref name="sum"/> (float64; 8 floats widened at a time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ColumnSums(float[] x, int dims, int from, int to, Span<double> sum)
    {
        ref double s0 = ref MemoryMarshal.GetReference(sum);
        for (int r = from; r < to; r++)
        {
            ref float row = ref x[r * dims];
            int d = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; d <= dims - 8; d += 8)
                {
                    Vector256<float> v = Vector256.LoadUnsafe(ref row, (nuint)d);
                    ref double at = ref Unsafe.Add(ref s0, d);
                    (Vector256.LoadUnsafe(ref at) + Vector256.WidenLower(v)).StoreUnsafe(ref at);
                    (Vector256.LoadUnsafe(ref at, 4) + Vector256.WidenUpper(v)).StoreUnsafe(ref at, 4);
                }
            }

            for (; d < dims; d++)
            {
                sum[d] += Unsafe.Add(ref row, d);
            }
        }
    }

    /// <summary>The D × D covariance (n − 1 denominator) of the rows centred on <paramref name="mean"/>, row-major.</summary>
    internal static double[] Covariance(FeatureMatrix data, double[] mean, int? maxDegreeOfParallelism, CancellationToken ct)
    {
        int n = data.Rows, dims = data.Columns, padded = (dims + 3) & ~3;
        var (size, count) = Stripes(n);
        var partial = new double[count][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1, CancellationToken = ct };
        Parallel.For(0, count, options, s =>
        {
            partial[s] = new double[dims * padded];
            CrossProducts(data.Buffer, dims, mean, s * size, Math.Min(n, (s + 1) * size), partial[s]);
        });

        var cov = new double[dims * dims];
        for (int s = 0; s < count; s++)
        {
            for (int i = 0; i < dims; i++)
            {
                for (int j = 0; j < dims; j++)
                {
                    cov[(i * dims) + j] += partial[s][(i * padded) + j];
                }
            }
        }

        for (int i = 0; i < dims; i++)
        {
            for (int j = i; j < dims; j++)
            {
                // Average the two mirror entries so the matrix is exactly symmetric.
                double v = (cov[(i * dims) + j] + cov[(j * dims) + i]) / (2.0 * (n - 1));
                cov[(i * dims) + j] = v;
                cov[(j * dims) + i] = v;
            }
        }

        return cov;
    }

    /// <summary>
    /// Adds Σ (x − mean)ᵀ(x − mean) over rows [from, to) into <paramref name="acc"/> (D rows × D rounded up to 4
    /// columns): eight centred float64 rows at a time, zero-padded to a whole number of vectors, so each accumulator
    /// vector is loaded and stored once per eight rank-1 updates and no loop has a scalar tail.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void CrossProducts(float[] x, int dims, double[] mean, int from, int to, double[] acc)
    {
        const int G = 8;
        int padded = (dims + 3) & ~3;
        var c = new double[G * padded];
        for (int r = from; r < to; r += G)
        {
            int rows = Math.Min(G, to - r);
            for (int k = 0; k < G; k++)
            {
                Span<double> row = c.AsSpan(k * padded, padded);
                if (k >= rows)
                {
                    row.Clear();   // a short group's missing rows add nothing
                    continue;
                }

                ref float src = ref x[(r + k) * dims];
                ref double dst = ref MemoryMarshal.GetReference(row);
                ref double mu = ref MemoryMarshal.GetArrayDataReference(mean);
                int d = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    for (; d <= dims - 8; d += 8)
                    {
                        Vector256<float> v = Vector256.LoadUnsafe(ref src, (nuint)d);
                        (Vector256.WidenLower(v) - Vector256.LoadUnsafe(ref mu, (nuint)d)).StoreUnsafe(ref dst, (nuint)d);
                        (Vector256.WidenUpper(v) - Vector256.LoadUnsafe(ref mu, (nuint)(d + 4))).StoreUnsafe(ref dst, (nuint)(d + 4));
                    }
                }

                for (; d < dims; d++)
                {
                    row[d] = Unsafe.Add(ref src, d) - mean[d];
                }
            }

            if (Vector256.IsHardwareAccelerated)
            {
                ref double c0 = ref MemoryMarshal.GetArrayDataReference(c);
                ref double a = ref MemoryMarshal.GetArrayDataReference(acc);
                for (int i = 0; i < dims; i++)
                {
                    Vector256<double> v0 = Vector256.Create(c[i]), v1 = Vector256.Create(c[padded + i]);
                    Vector256<double> v2 = Vector256.Create(c[(2 * padded) + i]), v3 = Vector256.Create(c[(3 * padded) + i]);
                    Vector256<double> v4 = Vector256.Create(c[(4 * padded) + i]), v5 = Vector256.Create(c[(5 * padded) + i]);
                    Vector256<double> v6 = Vector256.Create(c[(6 * padded) + i]), v7 = Vector256.Create(c[(7 * padded) + i]);
                    ref double ai = ref Unsafe.Add(ref a, i * padded);
                    for (int j = 0; j < padded; j += 4)
                    {
                        ref double cj = ref Unsafe.Add(ref c0, j);
                        Vector256<double> s = v0 * Vector256.LoadUnsafe(ref cj);
                        Vector256<double> t = v1 * Vector256.LoadUnsafe(ref cj, (nuint)padded);
                        s = PairwiseKernels.MultiplyAdd(v2, Vector256.LoadUnsafe(ref cj, (nuint)(2 * padded)), s);
                        t = PairwiseKernels.MultiplyAdd(v3, Vector256.LoadUnsafe(ref cj, (nuint)(3 * padded)), t);
                        s = PairwiseKernels.MultiplyAdd(v4, Vector256.LoadUnsafe(ref cj, (nuint)(4 * padded)), s);
                        t = PairwiseKernels.MultiplyAdd(v5, Vector256.LoadUnsafe(ref cj, (nuint)(5 * padded)), t);
                        s = PairwiseKernels.MultiplyAdd(v6, Vector256.LoadUnsafe(ref cj, (nuint)(6 * padded)), s);
                        t = PairwiseKernels.MultiplyAdd(v7, Vector256.LoadUnsafe(ref cj, (nuint)(7 * padded)), t);
                        (Vector256.LoadUnsafe(ref ai, (nuint)j) + (s + t)).StoreUnsafe(ref ai, (nuint)j);
                    }
                }
            }
            else
            {
                for (int i = 0; i < dims; i++)
                {
                    for (int j = 0; j < padded; j++)
                    {
                        double s = 0;
                        for (int k = 0; k < G; k++)
                        {
                            s += c[(k * padded) + i] * c[(k * padded) + j];
                        }

                        acc[(i * padded) + j] += s;
                    }
                }
            }
        }
    }
}
