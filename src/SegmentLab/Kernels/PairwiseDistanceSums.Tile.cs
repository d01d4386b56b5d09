using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SegmentLab.Kernels;

internal static partial class PairwiseDistanceSums
{
    /// <summary>Panel width of the Vector256 micro-kernel: 3 vectors of 8 floats.</summary>
    public const int Width256 = 24;

    /// <summary>Panel width of the Vector512 micro-kernel: 3 vectors of 16 floats.</summary>
    public const int Width512 = 48;

    /// <summary>Whether a micro-kernel instantiation also adds the column sums of a symmetric tile.</summary>
    internal interface ITileMode
    {
        static abstract bool Columns { get; }
    }

    /// <summary>Row sums only.</summary>
    internal readonly struct RowSums : ITileMode
    {
        public static bool Columns => false;
    }

    /// <summary>Row sums and, per lane, column sums (the other half of a symmetric tile).</summary>
    internal readonly struct RowAndColumnSums : ITileMode
    {
        public static bool Columns => true;
    }

    /// <summary>
    /// The micro-kernel: a 4 × (3 vectors) tile of squared distances per panel (12 accumulators, one FMA per dimension
    /// each), the close-pair screen, then square root and sum per row — and, when <typeparamref name="TMode"/> says so,
    /// per lane into <paramref name="columnSums"/> (index (p − firstPanel) × width + lane) from the group's first
    /// <paramref name="realRows"/> rows, so a symmetric tile computes each pair once.
    /// </summary>
    /// <remarks>
    /// Written once for both widths: <typeparamref name="TLanes"/> and <typeparamref name="TMode"/> are structs, so the
    /// JIT compiles one body per (width, mode) with every lane operation inlined and the mode test folded away — the
    /// same code as four hand-written copies. Unrolled by hand (rows × vectors = 4 × 3). The loop body makes no calls (a
    /// call would force the JIT to spill every live vector on the hot path). The hot path screens the whole tile with a
    /// few min operations against the panel's largest τ‖y‖²; only when that fires does the exact per-pair test run,
    /// zeroing close pairs and recording their lanes as bit masks for exact float64 distances after the loop.
    /// </remarks>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SumTile<TVec, TLanes, TMode>(PairwisePanels panels, int firstPanel, int panelCount, float[] centred, float[] norms,
        float[] original, ReadOnlySpan<int> rows, Span<double> sums, int realRows, Span<float> columnSums)
        where TVec : struct
        where TLanes : struct, IFloatLanes<TVec>
        where TMode : struct, ITileMode
    {
        int v = TLanes.Count;
        int w = 3 * v;
        Debug.Assert(panels.Width == w, "panels packed for this kernel");
        Debug.Assert(panelCount <= MaxRun, "one run is at most MaxRun panels");
        Debug.Assert(!TMode.Columns || (realRows is >= 1 and <= 4 && columnSums.Length >= panelCount * w), "one column sum per lane");
        int dims = panels.Dims;
        int r0 = rows[0];
        int r1 = rows[1];
        int r2 = rows[2];
        int r3 = rows[3];
        ref float x0 = ref centred[r0 * dims];
        ref float x1 = ref centred[r1 * dims];
        ref float x2 = ref centred[r2 * dims];
        ref float x3 = ref centred[r3 * dims];
        TVec n0 = TLanes.Create(norms[r0]), t0 = TLanes.Scale(n0, CancellationRatio), s0 = TLanes.Zero;
        TVec n1 = TLanes.Create(norms[r1]), t1 = TLanes.Scale(n1, CancellationRatio), s1 = TLanes.Zero;
        TVec n2 = TLanes.Create(norms[r2]), t2 = TLanes.Scale(n2, CancellationRatio), s2 = TLanes.Zero;
        TVec n3 = TLanes.Create(norms[r3]), t3 = TLanes.Scale(n3, CancellationRatio), s3 = TLanes.Zero;

        // Repeated rows of a short group add no column sums.
        TVec w1 = realRows > 1 ? TLanes.AllBitsSet : TLanes.Zero, w2 = realRows > 2 ? TLanes.AllBitsSet : TLanes.Zero, w3 = realRows > 3 ? TLanes.AllBitsSet : TLanes.Zero;
        ref float colAll = ref MemoryMarshal.GetReference(columnSums);

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
                nuint lanes = (nuint)(p * w);
                TVec ny0 = TLanes.Load(ref nyAll, lanes);
                TVec ny1 = TLanes.Load(ref nyAll, lanes + (nuint)v);
                TVec ny2 = TLanes.Load(ref nyAll, lanes + (nuint)(2 * v));
                TVec a00 = TLanes.Add(n0, ny0), a01 = TLanes.Add(n0, ny1), a02 = TLanes.Add(n0, ny2);
                TVec a10 = TLanes.Add(n1, ny0), a11 = TLanes.Add(n1, ny1), a12 = TLanes.Add(n1, ny2);
                TVec a20 = TLanes.Add(n2, ny0), a21 = TLanes.Add(n2, ny1), a22 = TLanes.Add(n2, ny2);
                TVec a30 = TLanes.Add(n3, ny0), a31 = TLanes.Add(n3, ny1), a32 = TLanes.Add(n3, ny2);
                ref float y = ref Unsafe.Add(ref yAll, p * dims * w);
                for (int d = 0; d < dims; d++)
                {
                    TVec y0 = TLanes.Load(ref y, (nuint)(d * w));
                    TVec y1 = TLanes.Load(ref y, (nuint)((d * w) + v));
                    TVec y2 = TLanes.Load(ref y, (nuint)((d * w) + (2 * v)));
                    TVec b = TLanes.Create(Unsafe.Add(ref x0, d));
                    a00 = TLanes.MultiplyAdd(b, y0, a00);
                    a01 = TLanes.MultiplyAdd(b, y1, a01);
                    a02 = TLanes.MultiplyAdd(b, y2, a02);
                    b = TLanes.Create(Unsafe.Add(ref x1, d));
                    a10 = TLanes.MultiplyAdd(b, y0, a10);
                    a11 = TLanes.MultiplyAdd(b, y1, a11);
                    a12 = TLanes.MultiplyAdd(b, y2, a12);
                    b = TLanes.Create(Unsafe.Add(ref x2, d));
                    a20 = TLanes.MultiplyAdd(b, y0, a20);
                    a21 = TLanes.MultiplyAdd(b, y1, a21);
                    a22 = TLanes.MultiplyAdd(b, y2, a22);
                    b = TLanes.Create(Unsafe.Add(ref x3, d));
                    a30 = TLanes.MultiplyAdd(b, y0, a30);
                    a31 = TLanes.MultiplyAdd(b, y1, a31);
                    a32 = TLanes.MultiplyAdd(b, y2, a32);
                }

                TVec m0 = TLanes.Subtract(TLanes.MinNative(TLanes.MinNative(a00, a01), a02), t0);
                TVec m1 = TLanes.Subtract(TLanes.MinNative(TLanes.MinNative(a10, a11), a12), t1);
                TVec m2 = TLanes.Subtract(TLanes.MinNative(TLanes.MinNative(a20, a21), a22), t2);
                TVec m3 = TLanes.Subtract(TLanes.MinNative(TLanes.MinNative(a30, a31), a32), t3);
                if (TLanes.LessThanAny(TLanes.MinNative(TLanes.MinNative(TLanes.MinNative(m0, m1), m2), m3), TLanes.Create(Unsafe.Add(ref tmAll, p))))
                {
                    // Cold path (a row against itself, duplicates, near neighbours, padding lanes): the exact test. It also
                    // catches every a < 0 (round-off) and every padding lane (a = −∞ < +∞), so no clamp is needed before the
                    // square root.
                    TVec ty0 = TLanes.Load(ref tyAll, lanes);
                    TVec ty1 = TLanes.Load(ref tyAll, lanes + (nuint)v);
                    TVec ty2 = TLanes.Load(ref tyAll, lanes + (nuint)(2 * v));
                    TVec c00 = TLanes.LessThan(a00, TLanes.Add(t0, ty0)), c01 = TLanes.LessThan(a01, TLanes.Add(t0, ty1)), c02 = TLanes.LessThan(a02, TLanes.Add(t0, ty2));
                    TVec c10 = TLanes.LessThan(a10, TLanes.Add(t1, ty0)), c11 = TLanes.LessThan(a11, TLanes.Add(t1, ty1)), c12 = TLanes.LessThan(a12, TLanes.Add(t1, ty2));
                    TVec c20 = TLanes.LessThan(a20, TLanes.Add(t2, ty0)), c21 = TLanes.LessThan(a21, TLanes.Add(t2, ty1)), c22 = TLanes.LessThan(a22, TLanes.Add(t2, ty2));
                    TVec c30 = TLanes.LessThan(a30, TLanes.Add(t3, ty0)), c31 = TLanes.LessThan(a31, TLanes.Add(t3, ty1)), c32 = TLanes.LessThan(a32, TLanes.Add(t3, ty2));
                    TVec any = TLanes.Or(TLanes.Or(TLanes.Or(c00, c01), TLanes.Or(c02, c10)), TLanes.Or(TLanes.Or(c11, c12), TLanes.Or(c20, c21)));
                    if (TLanes.AnyNonZero(TLanes.Or(any, TLanes.Or(TLanes.Or(c22, c30), TLanes.Or(c31, c32)))))
                    {
                        // Close pairs become 0 (they add sqrt(0)); AddExact adds their exact distances later.
                        a00 = TLanes.AndNot(a00, c00);
                        a01 = TLanes.AndNot(a01, c01);
                        a02 = TLanes.AndNot(a02, c02);
                        a10 = TLanes.AndNot(a10, c10);
                        a11 = TLanes.AndNot(a11, c11);
                        a12 = TLanes.AndNot(a12, c12);
                        a20 = TLanes.AndNot(a20, c20);
                        a21 = TLanes.AndNot(a21, c21);
                        a22 = TLanes.AndNot(a22, c22);
                        a30 = TLanes.AndNot(a30, c30);
                        a31 = TLanes.AndNot(a31, c31);
                        a32 = TLanes.AndNot(a32, c32);
                        recorded[5 * found] = p;
                        recorded[(5 * found) + 1] = Mask<TVec, TLanes>(c00, c01, c02);
                        recorded[(5 * found) + 2] = Mask<TVec, TLanes>(c10, c11, c12);
                        recorded[(5 * found) + 3] = Mask<TVec, TLanes>(c20, c21, c22);
                        recorded[(5 * found) + 4] = Mask<TVec, TLanes>(c30, c31, c32);
                        found++;
                    }
                }

                TVec q00 = TLanes.Sqrt(a00), q01 = TLanes.Sqrt(a01), q02 = TLanes.Sqrt(a02);
                TVec q10 = TLanes.Sqrt(a10), q11 = TLanes.Sqrt(a11), q12 = TLanes.Sqrt(a12);
                TVec q20 = TLanes.Sqrt(a20), q21 = TLanes.Sqrt(a21), q22 = TLanes.Sqrt(a22);
                TVec q30 = TLanes.Sqrt(a30), q31 = TLanes.Sqrt(a31), q32 = TLanes.Sqrt(a32);
                s0 = TLanes.Add(s0, TLanes.Add(TLanes.Add(q00, q01), q02));
                s1 = TLanes.Add(s1, TLanes.Add(TLanes.Add(q10, q11), q12));
                s2 = TLanes.Add(s2, TLanes.Add(TLanes.Add(q20, q21), q22));
                s3 = TLanes.Add(s3, TLanes.Add(TLanes.Add(q30, q31), q32));
                if (TMode.Columns)
                {
                    ref float col = ref Unsafe.Add(ref colAll, (p - firstPanel) * w);
                    TLanes.Store(ColumnSum<TVec, TLanes>(TLanes.Load(ref col, 0), q00, q10, q20, q30, w1, w2, w3), ref col, 0);
                    TLanes.Store(ColumnSum<TVec, TLanes>(TLanes.Load(ref col, (nuint)v), q01, q11, q21, q31, w1, w2, w3), ref col, (nuint)v);
                    TLanes.Store(ColumnSum<TVec, TLanes>(TLanes.Load(ref col, (nuint)(2 * v)), q02, q12, q22, q32, w1, w2, w3), ref col, (nuint)(2 * v));
                }
            }

            // Each lane has summed at most FlushEvery × vectors-per-panel distances in float32: move them to float64.
            sums[0] += TLanes.Sum(s0);
            s0 = TLanes.Zero;
            sums[1] += TLanes.Sum(s1);
            s1 = TLanes.Zero;
            sums[2] += TLanes.Sum(s2);
            s2 = TLanes.Zero;
            sums[3] += TLanes.Sum(s3);
            s3 = TLanes.Zero;
        }

        // Nothing vector-valued is live across this call, so the loops above keep everything in registers.
        if (found > 0)
        {
            AddExact(panels, firstPanel, recorded[..(5 * found)], original, rows, sums, TMode.Columns ? realRows : 0, TMode.Columns ? columnSums : default);
        }
    }

    /// <summary>The three vectors' close-pair lanes of one row as one bit mask (lane i of the panel = bit i).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Mask<TVec, TLanes>(TVec c0, TVec c1, TVec c2)
        where TVec : struct
        where TLanes : struct, IFloatLanes<TVec> =>
        (long)((ulong)TLanes.MostSignificantBits(c0) | ((ulong)TLanes.MostSignificantBits(c1) << TLanes.Count) | ((ulong)TLanes.MostSignificantBits(c2) << (2 * TLanes.Count)));

    /// <summary>col + q0 + (q1 &amp; w1) + (q2 &amp; w2) + (q3 &amp; w3), left to right: one lane vector's column sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec ColumnSum<TVec, TLanes>(TVec col, TVec q0, TVec q1, TVec q2, TVec q3, TVec w1, TVec w2, TVec w3)
        where TVec : struct
        where TLanes : struct, IFloatLanes<TVec> =>
        TLanes.Add(TLanes.Add(TLanes.Add(TLanes.Add(col, q0), TLanes.And(q1, w1)), TLanes.And(q2, w2)), TLanes.And(q3, w3));
}
