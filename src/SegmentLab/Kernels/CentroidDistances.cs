using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SegmentLab.Kernels;

/// <summary>
/// Squared Euclidean distances between rows and a set of centroids, the assignment step of k-means.
/// </summary>
/// <remarks>
/// Every path computes each (row, centroid) pair with exactly the same float32 operations, in the same order:
/// <c>acc = 0; for each feature j: diff = x[j] − c[j]; acc = fma(diff, diff, acc)</c>. Vector lanes run across rows
/// (<see cref="TileNearest"/>) or across centroids (<see cref="RowToCentroids"/>), never across features, so a pair's
/// value does not depend on the kernel, the vector width or the thread that computed it. That is what lets Lloyd,
/// Hamerly and Elkan agree bit for bit, and what lets the triangle-inequality bounds use a relative slack: a sum of
/// non-negative squares in float32 has a relative error of at most about (D + 2)·2⁻²⁴.
/// Direct differences rather than ‖x‖² + ‖c‖² − 2x·c: the expanded form saves one subtraction per term but cancels
/// catastrophically for points near their centroid (the error is relative to ‖x‖², not to the distance), which would
/// break the relative-slack argument and make near-ties depend on the data's offset. On 16 features the subtraction
/// costs one extra vector op per 16 pairs; the tile layout keeps the kernel throughput-bound anyway.
/// </remarks>
internal static partial class CentroidDistances
{
    /// <summary>Rows per tile in <see cref="RowTiles"/> layout: one Vector512 or two Vector256 of float.</summary>
    public const int TileRows = 16;

    /// <summary>Column stride of a transposed centroid panel: K rounded up to a multiple of 8.</summary>
    public static int PanelStride(int k) => (k + 7) & ~7;

    /// <summary>
    /// Writes the row-major <paramref name="centroids"/> (k × d) transposed into <paramref name="panel"/>
    /// (d × <see cref="PanelStride"/>), padding columns with zeros.
    /// </summary>
    public static void Transpose(ReadOnlySpan<float> centroids, int k, int d, Span<float> panel)
    {
        int stride = PanelStride(k);
        if (centroids.Length < k * d || panel.Length < d * stride)
        {
            throw new ArgumentException($"a {k} × {d} panel needs {k * d} centroid values and {d * stride} panel values.");
        }

        panel[..(d * stride)].Clear();
        for (int c = 0; c < k; c++)
        {
            for (int j = 0; j < d; j++)
            {
                panel[(j * stride) + c] = centroids[(c * d) + j];
            }
        }
    }

    /// <summary>The squared distance of one pair, in the shared per-pair arithmetic (the scalar reference).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Pair(ReadOnlySpan<float> x, ReadOnlySpan<float> c)
    {
        if (c.Length < x.Length)
        {
            throw new ArgumentException($"the centroid has {c.Length} values; the row has {x.Length}.");
        }

        float acc = 0;
        for (int j = 0; j < x.Length; j++)
        {
            float diff = x[j] - c[j];
            acc = MathF.FusedMultiplyAdd(diff, diff, acc);
        }

        return acc;
    }

    /// <summary>
    /// Squared distances of row <paramref name="x"/> (length d) to the k centroids of the transposed
    /// <paramref name="panel"/>; <paramref name="distances"/> needs <see cref="PanelStride"/>(k) slots (the padding
    /// slots receive distances to zero columns and mean nothing).
    /// </summary>
    public static void RowToCentroids(ReadOnlySpan<float> x, ReadOnlySpan<float> panel, int k, Span<float> distances)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            RowToCentroidsVector(x, panel, k, distances);
        }
        else
        {
            RowToCentroidsScalar(x, panel, k, distances);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RowToCentroidsScalar(ReadOnlySpan<float> x, ReadOnlySpan<float> panel, int k, Span<float> distances)
    {
        int stride = CheckPanel(x.Length, panel, k, distances);
        for (int c = 0; c < stride; c++)
        {
            float acc = 0;
            for (int j = 0; j < x.Length; j++)
            {
                float diff = x[j] - panel[(j * stride) + c];
                acc = MathF.FusedMultiplyAdd(diff, diff, acc);
            }

            distances[c] = acc;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RowToCentroidsVector(ReadOnlySpan<float> x, ReadOnlySpan<float> panel, int k, Span<float> distances)
    {
        int stride = CheckPanel(x.Length, panel, k, distances);
        int d = x.Length;
        ref float px = ref MemoryMarshal.GetReference(x);
        ref float pp = ref MemoryMarshal.GetReference(panel);
        ref float pd = ref MemoryMarshal.GetReference(distances);
        int g = 0;

        // Two groups of 8 at once: two independent FMA chains hide the FMA latency.
        for (; g + 16 <= stride; g += 16)
        {
            var acc0 = Vector256<float>.Zero;
            var acc1 = Vector256<float>.Zero;
            for (int j = 0; j < d; j++)
            {
                var xj = Vector256.Create(Unsafe.Add(ref px, j));
                var d0 = xj - Vector256.LoadUnsafe(ref pp, (nuint)((j * stride) + g));
                var d1 = xj - Vector256.LoadUnsafe(ref pp, (nuint)((j * stride) + g + 8));
                acc0 = Vector256.FusedMultiplyAdd(d0, d0, acc0);
                acc1 = Vector256.FusedMultiplyAdd(d1, d1, acc1);
            }

            acc0.StoreUnsafe(ref pd, (nuint)g);
            acc1.StoreUnsafe(ref pd, (nuint)(g + 8));
        }

        if (g < stride)
        {
            var acc = Vector256<float>.Zero;
            for (int j = 0; j < d; j++)
            {
                var diff = Vector256.Create(Unsafe.Add(ref px, j)) - Vector256.LoadUnsafe(ref pp, (nuint)((j * stride) + g));
                acc = Vector256.FusedMultiplyAdd(diff, diff, acc);
            }

            acc.StoreUnsafe(ref pd, (nuint)g);
        }
    }

    /// <summary>
    /// The nearest and second-nearest of the first <paramref name="k"/> distances; ties go to the lowest index, and
    /// a tie for nearest makes the second distance equal the first. With k = 1 the second distance is +∞.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ArgMin2(ReadOnlySpan<float> distances, int k, out float best, out float second)
    {
        best = float.PositiveInfinity;
        second = float.PositiveInfinity;
        int label = 0;
        for (int c = 0; c < k; c++)
        {
            float v = distances[c];
            if (v < best)
            {
                second = best;
                best = v;
                label = c;
            }
            else if (v < second)
            {
                second = v;
            }
        }

        return label;
    }

    private static int CheckPanel(int d, ReadOnlySpan<float> panel, int k, Span<float> distances)
    {
        int stride = PanelStride(k);
        if (panel.Length < d * stride || distances.Length < stride)
        {
            throw new ArgumentException(
                $"k={k} over {d} features needs a panel of {d * stride} and {stride} distance slots; got {panel.Length} and {distances.Length}.");
        }

        return stride;
    }

    private static void CheckTile(ReadOnlySpan<float> tile, ReadOnlySpan<float> centroids, int k, int d, int labels, int best, int second)
    {
        if (tile.Length < d * TileRows || centroids.Length < k * d || labels < TileRows || best < TileRows || second < TileRows)
        {
            throw new ArgumentException($"a tile of {d} features needs {d * TileRows} values, {k} centroids need {k * d}, and each output needs {TileRows} slots.");
        }
    }
}
