using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SegmentLab.Kernels;

/// <summary>
/// Sums of Euclidean distances from a few rows to every row of a run of <see cref="PairwisePanels"/>: the inner loop
/// of the exact silhouette. A register-blocked micro-kernel computes a 4 × 24 (Vector256) or 4 × 48 (Vector512) tile
/// of squared distances per panel — 12 vector accumulators, one FMA per dimension each — with the identity
/// ‖x − y‖² = ‖x‖² + ‖y‖² − 2x·y, then clamps, takes square roots and sums per row.
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
/// sums at most 48 distances in float32 (<see cref="FlushEvery"/>) before they are added to a float64 total.
/// Measured against scikit-learn on the committed fixtures, per-row silhouettes agree to about 1e-7.
/// </remarks>
internal static partial class PairwiseDistanceSums
{
    /// <summary>Pairs with computed ‖x − y‖² below this fraction of ‖x‖² + ‖y‖² are recomputed exactly.</summary>
    public const float CancellationRatio = 1f / 32;

    /// <summary>Rows per micro-kernel call (the register block's height).</summary>
    public const int RowsPerGroup = 4;

    /// <summary>Most panels one micro-kernel call takes (bounds its record of close pairs).</summary>
    public const int MaxRun = 64;

    /// <summary>
    /// Panels after which the micro-kernel moves its float32 lane sums into the float64 totals: each lane then holds
    /// at most 16 × 3 = 48 distances, so float32 summation error stays below 48 × 2⁻²⁴ ≈ 3e-6 even in the worst case.
    /// </summary>
    public const int FlushEvery = 16;

    /// <summary>
    /// For the <see cref="RowsPerGroup"/> rows in <paramref name="rows"/> (repeat the last row for a short group; its
    /// extra sums are simply ignored), adds to <paramref name="sums"/> the sum of distances to every real lane of
    /// panels <c>[firstPanel, firstPanel + panelCount)</c>.
    /// </summary>
    /// <param name="panels">Packed column side.</param>
    /// <param name="firstPanel">First panel of the run.</param>
    /// <param name="panelCount">Panels in the run (≥ 0).</param>
    /// <param name="centred">Centred rows (the same centring as the panels), row-major.</param>
    /// <param name="norms">‖centred row‖² per row.</param>
    /// <param name="original">The original rows, row-major, for the exact fallback.</param>
    /// <param name="rows">The group's row indexes, length <see cref="RowsPerGroup"/>.</param>
    /// <param name="sums">Float64 totals (length <see cref="RowsPerGroup"/>) the run's sums are added to.</param>
    public static void SumRowGroup(PairwisePanels panels, int firstPanel, int panelCount, float[] centred, float[] norms,
        float[] original, ReadOnlySpan<int> rows, Span<double> sums)
    {
        for (int p = firstPanel; p < firstPanel + panelCount; p += MaxRun)
        {
            int count = Math.Min(MaxRun, firstPanel + panelCount - p);
            switch (panels.Width)
            {
                case Width512:
                    SumTile<Vector512<float>, Lanes512, RowSums>(panels, p, count, centred, norms, original, rows, sums, 0, default);
                    break;
                case Width256:
                    SumTile<Vector256<float>, Lanes256, RowSums>(panels, p, count, centred, norms, original, rows, sums, 0, default);
                    break;
                default:
                    for (int r = 0; r < RowsPerGroup; r++)
                    {
                        sums[r] += SumRowScalar(panels, p, count, centred, norms, original, rows[r]);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// <see cref="SumRowGroup"/> for a symmetric tile: also adds each lane's distances to the group's first
    /// <paramref name="realRows"/> rows into <paramref name="columnSums"/> (length panelCount × Width, lane order), so
    /// the caller can credit both rows of every pair from one computation.
    /// </summary>
    /// <param name="panels">Packed column side.</param>
    /// <param name="firstPanel">First panel of the run.</param>
    /// <param name="panelCount">Panels in the run (≥ 0).</param>
    /// <param name="centred">Centred rows (the same centring as the panels), row-major.</param>
    /// <param name="norms">‖centred row‖² per row.</param>
    /// <param name="original">The original rows, row-major, for the exact fallback.</param>
    /// <param name="rows">The group's row indexes, length <see cref="RowsPerGroup"/> (the last repeated for a short group).</param>
    /// <param name="realRows">How many of <paramref name="rows"/> are real (1 … <see cref="RowsPerGroup"/>).</param>
    /// <param name="sums">Float64 row totals the run's sums are added to.</param>
    /// <param name="columnSums">Float32 per-lane totals the run's column sums are added to.</param>
    public static void SumRowGroupSymmetric(PairwisePanels panels, int firstPanel, int panelCount, float[] centred, float[] norms,
        float[] original, ReadOnlySpan<int> rows, int realRows, Span<double> sums, Span<float> columnSums)
    {
        int w = panels.Width;
        for (int p = firstPanel; p < firstPanel + panelCount; p += MaxRun)
        {
            int count = Math.Min(MaxRun, firstPanel + panelCount - p);
            Span<float> columns = columnSums.Slice((p - firstPanel) * w, count * w);
            switch (w)
            {
                case Width512:
                    SumTile<Vector512<float>, Lanes512, RowAndColumnSums>(panels, p, count, centred, norms, original, rows, sums, realRows, columns);
                    break;
                case Width256:
                    SumTile<Vector256<float>, Lanes256, RowAndColumnSums>(panels, p, count, centred, norms, original, rows, sums, realRows, columns);
                    break;
                default:
                    for (int lane = p * w; lane < (p + count) * w; lane++)
                    {
                        if (panels.RowOf[lane] < 0)
                        {
                            continue;
                        }

                        for (int r = 0; r < RowsPerGroup; r++)
                        {
                            double dist = LaneDistance(panels, lane, centred, norms, original, rows[r]);
                            sums[r] += dist;
                            if (r < realRows)
                            {
                                columns[lane - (p * w)] += (float)dist;
                            }
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The panel width for this machine: <see cref="Width512"/> where Vector512 is hardware-accelerated (AVX-512; on
    /// CPUs with full-width units such as AMD Zen 5 that doubles the FMA rate), <see cref="Width256"/> where Vector256
    /// is, otherwise <see cref="ScalarWidth"/> (the scalar reference does the work).
    /// </summary>
    public static int PreferredWidth =>
        Vector512.IsHardwareAccelerated ? Width512 : Vector256.IsHardwareAccelerated ? Width256 : ScalarWidth;

    /// <summary>Panel width used when no vector path is accelerated.</summary>
    public const int ScalarWidth = 8;

    /// <summary>
    /// Adds the exact distances of the recorded close pairs (entries: panel, then a lane mask per row) to the row sums
    /// and, for a symmetric tile, to the column sums of the first <paramref name="realRows"/> rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddExact(PairwisePanels panels, int firstPanel, ReadOnlySpan<long> recorded, float[] original, ReadOnlySpan<int> rows,
        Span<double> sums, int realRows, Span<float> columnSums)
    {
        int w = panels.Width;
        for (int e = 0; e < recorded.Length; e += RowsPerGroup + 1)
        {
            int p = (int)recorded[e];
            for (int r = 0; r < RowsPerGroup; r++)
            {
                ulong bits = (ulong)recorded[e + 1 + r];
                for (int l = 0; l < w; l++)
                {
                    int other = panels.RowOf[(p * w) + l];
                    if ((bits & (1UL << l)) != 0 && other >= 0)   // padding lanes are flagged too; they add nothing
                    {
                        double dist = ExactDistance(original, panels.Dims, rows[r], other);
                        sums[r] += dist;
                        if (r < realRows)
                        {
                            columnSums[((p - firstPanel) * w) + l] += (float)dist;
                        }
                    }
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
        double sum = 0;
        for (int lane = firstPanel * panels.Width; lane < (firstPanel + panelCount) * panels.Width; lane++)
        {
            if (panels.RowOf[lane] >= 0)
            {
                sum += LaneDistance(panels, lane, centred, norms, original, row);
            }
        }

        return sum;
    }

    /// <summary>The distance from <paramref name="row"/> to the row in a (real) lane, exactly as the vector paths compute it.</summary>
    private static double LaneDistance(PairwisePanels panels, int lane, float[] centred, float[] norms, float[] original, int row)
    {
        int dims = panels.Dims, w = panels.Width, p = lane / w, l = lane % w;
        float nx = norms[row];
        float acc = nx + panels.Norms[lane];
        for (int d = 0; d < dims; d++)
        {
            acc = MathF.FusedMultiplyAdd(centred[(row * dims) + d], panels.Y[(((p * dims) + d) * w) + l], acc);
        }

        return acc < (nx * CancellationRatio) + panels.ScaledNorms[lane]
            ? ExactDistance(original, dims, row, panels.RowOf[lane])
            : MathF.Sqrt(acc);
    }
}
