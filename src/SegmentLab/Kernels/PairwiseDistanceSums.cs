using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SegmentLab.Kernels;

/// <summary>
/// Sums of Euclidean distances from a few rows to every row of a run of <see cref="PairwisePanels"/>: the inner loop
/// of the exact silhouette. A register-blocked micro-kernel computes a 4 × 16 tile of squared distances per step
/// (8 Vector256 accumulators, one FMA per dimension each) with the identity ‖x − y‖² = ‖x‖² + ‖y‖² − 2x·y.
/// </summary>
/// <remarks>
/// Why the dot-product form, and how it stays accurate. Direct differences need a subtract and an FMA per
/// dimension and cannot reuse a broadcast row across lanes as well; the dot form is one FMA per dimension per pair,
/// which is what makes the kernel GEMM-fast. Its weakness is cancellation: float32 round-off in ‖x‖² + ‖y‖² − 2x·y is
/// about (D + 1) × 2⁻²⁴ × (‖x‖² + ‖y‖²) at worst, which is large relative to ‖x − y‖² only when the two rows are
/// close compared with their distance from the origin. Three things keep the result within 1e-5 of a float64
/// computation: (1) rows are centred on the column means (float64 means) before packing, so norms are as small as
/// they can be; (2) any pair whose computed ‖x − y‖² falls below <see cref="CancellationRatio"/> × (‖x‖² + ‖y‖²) —
/// which includes a row against itself and exact duplicates — is recomputed exactly from the original rows by
/// float64 differences (a rare, cold branch); the remaining pairs have relative distance error ≤ about
/// 16 × (D + 1) × 2⁻²⁴, with random sign, so averages over a segment are far more accurate still; (3) each lane
/// sums at most one panel run (a few hundred distances) in float32 before the caller adds it to a float64 total.
/// </remarks>
internal static class PairwiseDistanceSums
{
    /// <summary>Pairs with computed ‖x − y‖² below this fraction of ‖x‖² + ‖y‖² are recomputed exactly.</summary>
    public const float CancellationRatio = 1f / 32;

    /// <summary>
    /// For rows <paramref name="r0"/>…<paramref name="r3"/> (repeat the last row for a short group; its extra sums are
    /// simply ignored), adds to <paramref name="sums"/>[0..3] the sum of distances to every real lane of panels
    /// <c>[firstPanel, firstPanel + panelCount)</c>.
    /// </summary>
    /// <param name="panels">Packed column side.</param>
    /// <param name="firstPanel">First panel of the run.</param>
    /// <param name="panelCount">Panels in the run (≥ 0).</param>
    /// <param name="centred">Centred rows (the same centring as the panels), row-major.</param>
    /// <param name="norms">‖centred row‖² per row.</param>
    /// <param name="original">The original rows, row-major, for the exact fallback.</param>
    /// <param name="r0">Row 0 of the group.</param>
    /// <param name="r1">Row 1.</param>
    /// <param name="r2">Row 2.</param>
    /// <param name="r3">Row 3.</param>
    /// <param name="sums">Four float64 totals the run's sums are added to.</param>
    public static void SumRowGroup(PairwisePanels panels, int firstPanel, int panelCount, float[] centred, float[] norms,
        float[] original, int r0, int r1, int r2, int r3, Span<double> sums)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            sums[0] += SumRowScalar(panels, firstPanel, panelCount, centred, norms, original, r0);
            sums[1] += SumRowScalar(panels, firstPanel, panelCount, centred, norms, original, r1);
            sums[2] += SumRowScalar(panels, firstPanel, panelCount, centred, norms, original, r2);
            sums[3] += SumRowScalar(panels, firstPanel, panelCount, centred, norms, original, r3);
            return;
        }

        for (int p = firstPanel; p < firstPanel + panelCount; p += MaxRun)
        {
            SumRowGroupVector(panels, p, Math.Min(MaxRun, firstPanel + panelCount - p), centred, norms, original, r0, r1, r2, r3, sums);
        }
    }

    /// <summary>Most panels one call of <see cref="SumRowGroupVector"/> takes (bounds its record of close pairs).</summary>
    public const int MaxRun = 64;

    /// <summary>Vector path of <see cref="SumRowGroup"/>.</summary>
    /// <remarks>
    /// The loop body makes no calls (a call would force the JIT to spill every live vector on the hot path): close
    /// pairs are zeroed in the vector sums and their lanes recorded as bit masks, then added exactly after the loop.
    /// </remarks>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumRowGroupVector(PairwisePanels panels, int firstPanel, int panelCount, float[] centred, float[] norms,
        float[] original, int r0, int r1, int r2, int r3, Span<double> sums)
    {
        int dims = panels.Dims;
        const int W = PairwisePanels.Width;
        ref float x0 = ref centred[r0 * dims];
        ref float x1 = ref centred[r1 * dims];
        ref float x2 = ref centred[r2 * dims];
        ref float x3 = ref centred[r3 * dims];
        Vector256<float> n0 = Vector256.Create(norms[r0]), n1 = Vector256.Create(norms[r1]);
        Vector256<float> n2 = Vector256.Create(norms[r2]), n3 = Vector256.Create(norms[r3]);
        Vector256<float> t0 = n0 * CancellationRatio, t1 = n1 * CancellationRatio;
        Vector256<float> t2 = n2 * CancellationRatio, t3 = n3 * CancellationRatio;
        Vector256<float> s0 = Vector256<float>.Zero, s1 = Vector256<float>.Zero;
        Vector256<float> s2 = Vector256<float>.Zero, s3 = Vector256<float>.Zero;

        ref float yAll = ref MemoryMarshal.GetArrayDataReference(panels.Y);
        ref float nyAll = ref MemoryMarshal.GetArrayDataReference(panels.Norms);
        ref float tyAll = ref MemoryMarshal.GetArrayDataReference(panels.ScaledNorms);

        // Close pairs found in this run: panel, then lane bits of rows 0|1 and 2|3 (16 bits each).
        Debug.Assert(panelCount <= MaxRun, "one run is at most MaxRun panels");
        Span<int> recorded = stackalloc int[3 * MaxRun];
        int found = 0;
        for (int p = firstPanel; p < firstPanel + panelCount; p++)
        {
            nuint lanes = (nuint)(p * W);
            Vector256<float> ny0 = Vector256.LoadUnsafe(ref nyAll, lanes);
            Vector256<float> ny1 = Vector256.LoadUnsafe(ref nyAll, lanes + 8);
            Vector256<float> a00 = n0 + ny0, a01 = n0 + ny1, a10 = n1 + ny0, a11 = n1 + ny1;
            Vector256<float> a20 = n2 + ny0, a21 = n2 + ny1, a30 = n3 + ny0, a31 = n3 + ny1;
            ref float y = ref Unsafe.Add(ref yAll, p * dims * W);
            for (int d = 0; d < dims; d++)
            {
                Vector256<float> y0 = Vector256.LoadUnsafe(ref y, (nuint)(d * W));
                Vector256<float> y1 = Vector256.LoadUnsafe(ref y, (nuint)((d * W) + 8));
                Vector256<float> b = Vector256.Create(Unsafe.Add(ref x0, d));
                a00 = PairwiseKernels.MultiplyAdd(b, y0, a00);
                a01 = PairwiseKernels.MultiplyAdd(b, y1, a01);
                b = Vector256.Create(Unsafe.Add(ref x1, d));
                a10 = PairwiseKernels.MultiplyAdd(b, y0, a10);
                a11 = PairwiseKernels.MultiplyAdd(b, y1, a11);
                b = Vector256.Create(Unsafe.Add(ref x2, d));
                a20 = PairwiseKernels.MultiplyAdd(b, y0, a20);
                a21 = PairwiseKernels.MultiplyAdd(b, y1, a21);
                b = Vector256.Create(Unsafe.Add(ref x3, d));
                a30 = PairwiseKernels.MultiplyAdd(b, y0, a30);
                a31 = PairwiseKernels.MultiplyAdd(b, y1, a31);
            }

            Vector256<float> ty0 = Vector256.LoadUnsafe(ref tyAll, lanes);
            Vector256<float> ty1 = Vector256.LoadUnsafe(ref tyAll, lanes + 8);
            Vector256<float> c00 = Vector256.LessThan(a00, t0 + ty0), c01 = Vector256.LessThan(a01, t0 + ty1);
            Vector256<float> c10 = Vector256.LessThan(a10, t1 + ty0), c11 = Vector256.LessThan(a11, t1 + ty1);
            Vector256<float> c20 = Vector256.LessThan(a20, t2 + ty0), c21 = Vector256.LessThan(a21, t2 + ty1);
            Vector256<float> c30 = Vector256.LessThan(a30, t3 + ty0), c31 = Vector256.LessThan(a31, t3 + ty1);
            Vector256<float> q00 = Vector256.Sqrt(Vector256.MaxNative(a00, Vector256<float>.Zero));
            Vector256<float> q01 = Vector256.Sqrt(Vector256.MaxNative(a01, Vector256<float>.Zero));
            Vector256<float> q10 = Vector256.Sqrt(Vector256.MaxNative(a10, Vector256<float>.Zero));
            Vector256<float> q11 = Vector256.Sqrt(Vector256.MaxNative(a11, Vector256<float>.Zero));
            Vector256<float> q20 = Vector256.Sqrt(Vector256.MaxNative(a20, Vector256<float>.Zero));
            Vector256<float> q21 = Vector256.Sqrt(Vector256.MaxNative(a21, Vector256<float>.Zero));
            Vector256<float> q30 = Vector256.Sqrt(Vector256.MaxNative(a30, Vector256<float>.Zero));
            Vector256<float> q31 = Vector256.Sqrt(Vector256.MaxNative(a31, Vector256<float>.Zero));
            if ((c00 | c01 | c10 | c11 | c20 | c21 | c30 | c31) != Vector256<float>.Zero)
            {
                // Cold path (a row against itself, duplicates, near neighbours): drop these pairs from the vector
                // sums and remember them; they are added exactly after the loop.
                q00 = Vector256.AndNot(q00, c00);
                q01 = Vector256.AndNot(q01, c01);
                q10 = Vector256.AndNot(q10, c10);
                q11 = Vector256.AndNot(q11, c11);
                q20 = Vector256.AndNot(q20, c20);
                q21 = Vector256.AndNot(q21, c21);
                q30 = Vector256.AndNot(q30, c30);
                q31 = Vector256.AndNot(q31, c31);
                recorded[3 * found] = p;
                recorded[(3 * found) + 1] = (int)(c00.ExtractMostSignificantBits() | (c01.ExtractMostSignificantBits() << 8)
                    | (c10.ExtractMostSignificantBits() << 16) | (c11.ExtractMostSignificantBits() << 24));
                recorded[(3 * found) + 2] = (int)(c20.ExtractMostSignificantBits() | (c21.ExtractMostSignificantBits() << 8)
                    | (c30.ExtractMostSignificantBits() << 16) | (c31.ExtractMostSignificantBits() << 24));
                found++;
            }

            s0 += q00 + q01;
            s1 += q10 + q11;
            s2 += q20 + q21;
            s3 += q30 + q31;
        }

        // Nothing vector-valued is live across this call, so the loop above keeps everything in registers.
        sums[0] += Vector256.Sum(s0);
        sums[1] += Vector256.Sum(s1);
        sums[2] += Vector256.Sum(s2);
        sums[3] += Vector256.Sum(s3);
        if (found > 0)
        {
            AddExact(panels, recorded[..(3 * found)], original, r0, r1, r2, r3, sums);
        }
    }

    /// <summary>Adds the exact distances of the recorded close pairs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddExact(PairwisePanels panels, ReadOnlySpan<int> recorded, float[] original, int r0, int r1, int r2, int r3, Span<double> sums)
    {
        for (int e = 0; e < recorded.Length; e += 3)
        {
            int p = recorded[e];
            uint bits01 = (uint)recorded[e + 1], bits23 = (uint)recorded[e + 2];
            for (int l = 0; l < PairwisePanels.Width; l++)
            {
                int other = panels.RowOf[(p * PairwisePanels.Width) + l];
                if ((bits01 & (1u << l)) != 0)
                {
                    sums[0] += ExactDistance(original, panels.Dims, r0, other);
                }

                if ((bits01 & (1u << (l + 16))) != 0)
                {
                    sums[1] += ExactDistance(original, panels.Dims, r1, other);
                }

                if ((bits23 & (1u << l)) != 0)
                {
                    sums[2] += ExactDistance(original, panels.Dims, r2, other);
                }

                if ((bits23 & (1u << (l + 16))) != 0)
                {
                    sums[3] += ExactDistance(original, panels.Dims, r3, other);
                }
            }
        }
    }

    /// <summary>‖x_a − x_b‖ from float64 differences of the original rows (0 for a row against itself).</summary>
    public static double ExactDistance(float[] original, int dims, int a, int b) =>
        a == b ? 0 : Math.Sqrt(PairwiseKernels.SquaredDistance(original.AsSpan(a * dims, dims), original.AsSpan(b * dims, dims)));

    /// <summary>
    /// Scalar reference of one row of <see cref="SumRowGroup"/>: the same per-pair arithmetic (fused multiply-adds in
    /// the same order, the same fallback rule), summed in float64.
    /// </summary>
    public static double SumRowScalar(PairwisePanels panels, int firstPanel, int panelCount, float[] centred, float[] norms,
        float[] original, int row)
    {
        int dims = panels.Dims;
        const int W = PairwisePanels.Width;
        double sum = 0;
        float nx = norms[row];
        float tx = nx * CancellationRatio;
        for (int p = firstPanel; p < firstPanel + panelCount; p++)
        {
            for (int l = 0; l < W; l++)
            {
                int lane = (p * W) + l;
                int other = panels.RowOf[lane];
                if (other < 0)
                {
                    continue;
                }

                float acc = nx + panels.Norms[lane];
                for (int d = 0; d < dims; d++)
                {
                    acc = MathF.FusedMultiplyAdd(centred[(row * dims) + d], panels.Y[(((p * dims) + d) * W) + l], acc);
                }

                sum += acc < tx + panels.ScaledNorms[lane]
                    ? ExactDistance(original, dims, row, other)
                    : MathF.Sqrt(MathF.Max(acc, 0));
            }
        }

        return sum;
    }
}
