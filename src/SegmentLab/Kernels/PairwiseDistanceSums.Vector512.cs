using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SegmentLab.Kernels;

internal static partial class PairwiseDistanceSums
{
    /// <summary>Panel width of the Vector512 micro-kernel: 3 vectors of 16 floats.</summary>
    public const int Width512 = 48;

    /// <summary>
    /// Vector512 path of <see cref="SumRowGroup"/>: a 4 × 48 tile of squared distances per panel (12 accumulators,
    /// one FMA per dimension each), the close-pair screen, then square root and sum.
    /// </summary>
    /// <remarks>
    /// Unrolled by hand (rows × vectors = 4 × 3); keep it in step with the other width's file. The loop body makes no
    /// calls (a call would force the JIT to spill every live vector on the hot path). The hot path screens the whole
    /// tile with a few min operations against the panel's largest τ‖y‖²; only when that fires does the exact per-pair
    /// test run, zeroing close pairs and recording their lanes as bit masks for exact float64 distances after the loop.
    /// </remarks>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumRowGroup512(PairwisePanels panels, int firstPanel, int panelCount, float[] centred, float[] norms,
        float[] original, ReadOnlySpan<int> rows, Span<double> sums)
    {
        Debug.Assert(panels.Width == Width512, "panels packed for this kernel");
        Debug.Assert(panelCount <= MaxRun, "one run is at most MaxRun panels");
        int dims = panels.Dims;
        const int W = Width512;
        int r0 = rows[0];
        int r1 = rows[1];
        int r2 = rows[2];
        int r3 = rows[3];
        ref float x0 = ref centred[r0 * dims];
        ref float x1 = ref centred[r1 * dims];
        ref float x2 = ref centred[r2 * dims];
        ref float x3 = ref centred[r3 * dims];
        Vector512<float> n0 = Vector512.Create(norms[r0]), t0 = n0 * CancellationRatio, s0 = Vector512<float>.Zero;
        Vector512<float> n1 = Vector512.Create(norms[r1]), t1 = n1 * CancellationRatio, s1 = Vector512<float>.Zero;
        Vector512<float> n2 = Vector512.Create(norms[r2]), t2 = n2 * CancellationRatio, s2 = Vector512<float>.Zero;
        Vector512<float> n3 = Vector512.Create(norms[r3]), t3 = n3 * CancellationRatio, s3 = Vector512<float>.Zero;

        ref float yAll = ref MemoryMarshal.GetArrayDataReference(panels.Y);
        ref float nyAll = ref MemoryMarshal.GetArrayDataReference(panels.Norms);
        ref float tyAll = ref MemoryMarshal.GetArrayDataReference(panels.ScaledNorms);
        ref float tmAll = ref MemoryMarshal.GetArrayDataReference(panels.PanelMaxScaledNorm);

        // Close pairs found in this run: the panel, then one lane bit mask per row.
        Span<long> recorded = stackalloc long[5 * MaxRun];
        int found = 0;
        for (int p0 = firstPanel; p0 < firstPanel + panelCount; p0 += FlushEvery)
        {
            int stop = Math.Min(p0 + FlushEvery, firstPanel + panelCount);
            for (int p = p0; p < stop; p++)
            {
                nuint lanes = (nuint)(p * W);
                Vector512<float> ny0 = Vector512.LoadUnsafe(ref nyAll, lanes + 0);
                Vector512<float> ny1 = Vector512.LoadUnsafe(ref nyAll, lanes + 16);
                Vector512<float> ny2 = Vector512.LoadUnsafe(ref nyAll, lanes + 32);
                Vector512<float> a00 = n0 + ny0, a01 = n0 + ny1, a02 = n0 + ny2;
                Vector512<float> a10 = n1 + ny0, a11 = n1 + ny1, a12 = n1 + ny2;
                Vector512<float> a20 = n2 + ny0, a21 = n2 + ny1, a22 = n2 + ny2;
                Vector512<float> a30 = n3 + ny0, a31 = n3 + ny1, a32 = n3 + ny2;
                ref float y = ref Unsafe.Add(ref yAll, p * dims * W);
                for (int d = 0; d < dims; d++)
                {
                    Vector512<float> y0 = Vector512.LoadUnsafe(ref y, (nuint)((d * W) + 0));
                    Vector512<float> y1 = Vector512.LoadUnsafe(ref y, (nuint)((d * W) + 16));
                    Vector512<float> y2 = Vector512.LoadUnsafe(ref y, (nuint)((d * W) + 32));
                    Vector512<float> b = Vector512.Create(Unsafe.Add(ref x0, d));
                    a00 = PairwiseKernels.MultiplyAdd(b, y0, a00);
                    a01 = PairwiseKernels.MultiplyAdd(b, y1, a01);
                    a02 = PairwiseKernels.MultiplyAdd(b, y2, a02);
                    b = Vector512.Create(Unsafe.Add(ref x1, d));
                    a10 = PairwiseKernels.MultiplyAdd(b, y0, a10);
                    a11 = PairwiseKernels.MultiplyAdd(b, y1, a11);
                    a12 = PairwiseKernels.MultiplyAdd(b, y2, a12);
                    b = Vector512.Create(Unsafe.Add(ref x2, d));
                    a20 = PairwiseKernels.MultiplyAdd(b, y0, a20);
                    a21 = PairwiseKernels.MultiplyAdd(b, y1, a21);
                    a22 = PairwiseKernels.MultiplyAdd(b, y2, a22);
                    b = Vector512.Create(Unsafe.Add(ref x3, d));
                    a30 = PairwiseKernels.MultiplyAdd(b, y0, a30);
                    a31 = PairwiseKernels.MultiplyAdd(b, y1, a31);
                    a32 = PairwiseKernels.MultiplyAdd(b, y2, a32);
                }

                Vector512<float> m0 = Vector512.MinNative(Vector512.MinNative(a00, a01), a02) - t0;
                Vector512<float> m1 = Vector512.MinNative(Vector512.MinNative(a10, a11), a12) - t1;
                Vector512<float> m2 = Vector512.MinNative(Vector512.MinNative(a20, a21), a22) - t2;
                Vector512<float> m3 = Vector512.MinNative(Vector512.MinNative(a30, a31), a32) - t3;
                if (Vector512.LessThanAny(Vector512.MinNative(Vector512.MinNative(Vector512.MinNative(m0, m1), m2), m3), Vector512.Create(Unsafe.Add(ref tmAll, p))))
                {
                    // Cold path (a row against itself, duplicates, near neighbours, padding lanes): the exact test. It also
                    // catches every a < 0 (round-off) and every padding lane (a = −∞ < +∞), so no clamp is needed before the
                    // square root.
                    Vector512<float> ty0 = Vector512.LoadUnsafe(ref tyAll, lanes + 0);
                    Vector512<float> ty1 = Vector512.LoadUnsafe(ref tyAll, lanes + 16);
                    Vector512<float> ty2 = Vector512.LoadUnsafe(ref tyAll, lanes + 32);
                    Vector512<float> c00 = Vector512.LessThan(a00, t0 + ty0), c01 = Vector512.LessThan(a01, t0 + ty1), c02 = Vector512.LessThan(a02, t0 + ty2);
                    Vector512<float> c10 = Vector512.LessThan(a10, t1 + ty0), c11 = Vector512.LessThan(a11, t1 + ty1), c12 = Vector512.LessThan(a12, t1 + ty2);
                    Vector512<float> c20 = Vector512.LessThan(a20, t2 + ty0), c21 = Vector512.LessThan(a21, t2 + ty1), c22 = Vector512.LessThan(a22, t2 + ty2);
                    Vector512<float> c30 = Vector512.LessThan(a30, t3 + ty0), c31 = Vector512.LessThan(a31, t3 + ty1), c32 = Vector512.LessThan(a32, t3 + ty2);
                    if ((c00 | c01 | c02 | c10 | c11 | c12 | c20 | c21 | c22 | c30 | c31 | c32) != Vector512<float>.Zero)
                    {
                        a00 = Vector512.AndNot(a00, c00);   // 0: adds sqrt(0)
                        a01 = Vector512.AndNot(a01, c01);   // 0: adds sqrt(0)
                        a02 = Vector512.AndNot(a02, c02);   // 0: adds sqrt(0)
                        a10 = Vector512.AndNot(a10, c10);   // 0: adds sqrt(0)
                        a11 = Vector512.AndNot(a11, c11);   // 0: adds sqrt(0)
                        a12 = Vector512.AndNot(a12, c12);   // 0: adds sqrt(0)
                        a20 = Vector512.AndNot(a20, c20);   // 0: adds sqrt(0)
                        a21 = Vector512.AndNot(a21, c21);   // 0: adds sqrt(0)
                        a22 = Vector512.AndNot(a22, c22);   // 0: adds sqrt(0)
                        a30 = Vector512.AndNot(a30, c30);   // 0: adds sqrt(0)
                        a31 = Vector512.AndNot(a31, c31);   // 0: adds sqrt(0)
                        a32 = Vector512.AndNot(a32, c32);   // 0: adds sqrt(0)
                        recorded[5 * found] = p;
                        recorded[(5 * found) + 1] = (long)(((ulong)c00.ExtractMostSignificantBits() << 0) | ((ulong)c01.ExtractMostSignificantBits() << 16) | ((ulong)c02.ExtractMostSignificantBits() << 32));
                        recorded[(5 * found) + 2] = (long)(((ulong)c10.ExtractMostSignificantBits() << 0) | ((ulong)c11.ExtractMostSignificantBits() << 16) | ((ulong)c12.ExtractMostSignificantBits() << 32));
                        recorded[(5 * found) + 3] = (long)(((ulong)c20.ExtractMostSignificantBits() << 0) | ((ulong)c21.ExtractMostSignificantBits() << 16) | ((ulong)c22.ExtractMostSignificantBits() << 32));
                        recorded[(5 * found) + 4] = (long)(((ulong)c30.ExtractMostSignificantBits() << 0) | ((ulong)c31.ExtractMostSignificantBits() << 16) | ((ulong)c32.ExtractMostSignificantBits() << 32));
                        found++;
                    }
                }

                s0 += Vector512.Sqrt(a00) + Vector512.Sqrt(a01) + Vector512.Sqrt(a02);
                s1 += Vector512.Sqrt(a10) + Vector512.Sqrt(a11) + Vector512.Sqrt(a12);
                s2 += Vector512.Sqrt(a20) + Vector512.Sqrt(a21) + Vector512.Sqrt(a22);
                s3 += Vector512.Sqrt(a30) + Vector512.Sqrt(a31) + Vector512.Sqrt(a32);
            }

            // Each lane has summed at most FlushEvery × vectors-per-panel distances in float32: move them to float64.
            sums[0] += Vector512.Sum(s0);
            s0 = Vector512<float>.Zero;
            sums[1] += Vector512.Sum(s1);
            s1 = Vector512<float>.Zero;
            sums[2] += Vector512.Sum(s2);
            s2 = Vector512<float>.Zero;
            sums[3] += Vector512.Sum(s3);
            s3 = Vector512<float>.Zero;
        }

        // Nothing vector-valued is live across this call, so the loops above keep everything in registers.
        if (found > 0)
        {
            AddExact(panels, recorded[..(5 * found)], original, rows, sums);
        }
    }
}
