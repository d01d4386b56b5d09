using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SegmentLab.Kernels;

/// <summary>The tile kernels: 16 rows (one per vector lane) against every centroid.</summary>
internal static partial class CentroidDistances
{
    /// <summary>
    /// For each of the 16 rows of a tile (<see cref="RowTiles"/> layout: d × 16, lane = row), the nearest of the k
    /// row-major centroids (k × d), its squared distance and the second-smallest squared distance (ties: lowest
    /// index). Output spans need 16 slots.
    /// </summary>
    public static void TileNearest(ReadOnlySpan<float> tile, ReadOnlySpan<float> centroids, int k, int d,
        Span<int> labels, Span<float> best, Span<float> second)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            TileNearestVector512(tile, centroids, k, d, labels, best, second);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            TileNearestVector256(tile, centroids, k, d, labels, best, second);
        }
        else
        {
            TileNearestScalar(tile, centroids, k, d, labels, best, second);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void TileNearestScalar(ReadOnlySpan<float> tile, ReadOnlySpan<float> centroids, int k, int d,
        Span<int> labels, Span<float> best, Span<float> second)
    {
        CheckTile(tile, centroids, k, d, labels.Length, best.Length, second.Length);
        for (int lane = 0; lane < TileRows; lane++)
        {
            float b = float.PositiveInfinity, s = float.PositiveInfinity;
            int label = 0;
            for (int c = 0; c < k; c++)
            {
                float acc = 0;
                for (int j = 0; j < d; j++)
                {
                    float diff = tile[(j * TileRows) + lane] - centroids[(c * d) + j];
                    acc = MathF.FusedMultiplyAdd(diff, diff, acc);
                }

                if (acc < b)
                {
                    s = b;
                    b = acc;
                    label = c;
                }
                else if (acc < s)
                {
                    s = acc;
                }
            }

            labels[lane] = label;
            best[lane] = b;
            second[lane] = s;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void TileNearestVector512(ReadOnlySpan<float> tile, ReadOnlySpan<float> centroids, int k, int d,
        Span<int> labels, Span<float> best, Span<float> second)
    {
        CheckTile(tile, centroids, k, d, labels.Length, best.Length, second.Length);
        ref float pt = ref MemoryMarshal.GetReference(tile);
        ref float pc = ref MemoryMarshal.GetReference(centroids);
        var b = Vector512.Create(float.PositiveInfinity);
        var s = b;
        var l = Vector512<int>.Zero;
        int c = 0;

        // Four centroids at once: four independent FMA chains keep both FMA pipes busy.
        for (; c + 4 <= k; c += 4)
        {
            ref float c0 = ref Unsafe.Add(ref pc, c * d);
            ref float c1 = ref Unsafe.Add(ref c0, d);
            ref float c2 = ref Unsafe.Add(ref c1, d);
            ref float c3 = ref Unsafe.Add(ref c2, d);
            var a0 = Vector512<float>.Zero;
            var a1 = Vector512<float>.Zero;
            var a2 = Vector512<float>.Zero;
            var a3 = Vector512<float>.Zero;
            for (int j = 0; j < d; j++)
            {
                var x = Vector512.LoadUnsafe(ref pt, (nuint)(j * TileRows));
                var d0 = x - Vector512.Create(Unsafe.Add(ref c0, j));
                var d1 = x - Vector512.Create(Unsafe.Add(ref c1, j));
                var d2 = x - Vector512.Create(Unsafe.Add(ref c2, j));
                var d3 = x - Vector512.Create(Unsafe.Add(ref c3, j));
                a0 = Vector512.FusedMultiplyAdd(d0, d0, a0);
                a1 = Vector512.FusedMultiplyAdd(d1, d1, a1);
                a2 = Vector512.FusedMultiplyAdd(d2, d2, a2);
                a3 = Vector512.FusedMultiplyAdd(d3, d3, a3);
            }

            Merge512(a0, c, ref b, ref s, ref l);
            Merge512(a1, c + 1, ref b, ref s, ref l);
            Merge512(a2, c + 2, ref b, ref s, ref l);
            Merge512(a3, c + 3, ref b, ref s, ref l);
        }

        for (; c < k; c++)
        {
            ref float c0 = ref Unsafe.Add(ref pc, c * d);
            var a0 = Vector512<float>.Zero;
            for (int j = 0; j < d; j++)
            {
                var d0 = Vector512.LoadUnsafe(ref pt, (nuint)(j * TileRows)) - Vector512.Create(Unsafe.Add(ref c0, j));
                a0 = Vector512.FusedMultiplyAdd(d0, d0, a0);
            }

            Merge512(a0, c, ref b, ref s, ref l);
        }

        l.StoreUnsafe(ref MemoryMarshal.GetReference(labels));
        b.StoreUnsafe(ref MemoryMarshal.GetReference(best));
        s.StoreUnsafe(ref MemoryMarshal.GetReference(second));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void TileNearestVector256(ReadOnlySpan<float> tile, ReadOnlySpan<float> centroids, int k, int d,
        Span<int> labels, Span<float> best, Span<float> second)
    {
        CheckTile(tile, centroids, k, d, labels.Length, best.Length, second.Length);
        ref float pt = ref MemoryMarshal.GetReference(tile);
        ref float pc = ref MemoryMarshal.GetReference(centroids);
        var bLo = Vector256.Create(float.PositiveInfinity);
        var bHi = bLo;
        var sLo = bLo;
        var sHi = bLo;
        var lLo = Vector256<int>.Zero;
        var lHi = Vector256<int>.Zero;
        int c = 0;
        for (; c + 2 <= k; c += 2)
        {
            ref float c0 = ref Unsafe.Add(ref pc, c * d);
            ref float c1 = ref Unsafe.Add(ref c0, d);
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero;
            var a3 = Vector256<float>.Zero;
            for (int j = 0; j < d; j++)
            {
                var xLo = Vector256.LoadUnsafe(ref pt, (nuint)(j * TileRows));
                var xHi = Vector256.LoadUnsafe(ref pt, (nuint)((j * TileRows) + 8));
                var v0 = Vector256.Create(Unsafe.Add(ref c0, j));
                var v1 = Vector256.Create(Unsafe.Add(ref c1, j));
                var d0 = xLo - v0;
                var d1 = xHi - v0;
                var d2 = xLo - v1;
                var d3 = xHi - v1;
                a0 = Vector256.FusedMultiplyAdd(d0, d0, a0);
                a1 = Vector256.FusedMultiplyAdd(d1, d1, a1);
                a2 = Vector256.FusedMultiplyAdd(d2, d2, a2);
                a3 = Vector256.FusedMultiplyAdd(d3, d3, a3);
            }

            Merge256(a0, c, ref bLo, ref sLo, ref lLo);
            Merge256(a1, c, ref bHi, ref sHi, ref lHi);
            Merge256(a2, c + 1, ref bLo, ref sLo, ref lLo);
            Merge256(a3, c + 1, ref bHi, ref sHi, ref lHi);
        }

        for (; c < k; c++)
        {
            ref float c0 = ref Unsafe.Add(ref pc, c * d);
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            for (int j = 0; j < d; j++)
            {
                var v0 = Vector256.Create(Unsafe.Add(ref c0, j));
                var d0 = Vector256.LoadUnsafe(ref pt, (nuint)(j * TileRows)) - v0;
                var d1 = Vector256.LoadUnsafe(ref pt, (nuint)((j * TileRows) + 8)) - v0;
                a0 = Vector256.FusedMultiplyAdd(d0, d0, a0);
                a1 = Vector256.FusedMultiplyAdd(d1, d1, a1);
            }

            Merge256(a0, c, ref bLo, ref sLo, ref lLo);
            Merge256(a1, c, ref bHi, ref sHi, ref lHi);
        }

        lLo.StoreUnsafe(ref MemoryMarshal.GetReference(labels));
        lHi.StoreUnsafe(ref MemoryMarshal.GetReference(labels), 8);
        bLo.StoreUnsafe(ref MemoryMarshal.GetReference(best));
        bHi.StoreUnsafe(ref MemoryMarshal.GetReference(best), 8);
        sLo.StoreUnsafe(ref MemoryMarshal.GetReference(second));
        sHi.StoreUnsafe(ref MemoryMarshal.GetReference(second), 8);
    }

    /// <summary>
    /// Squared distances of the 16 rows of a tile to k row-major centroids, written centroid-major
    /// (<c>distances[c × 16 + lane]</c>, 16·k slots).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TileToCentroids(ReadOnlySpan<float> tile, ReadOnlySpan<float> centroids, int k, int d, Span<float> distances)
    {
        CheckTile(tile, centroids, k, d, TileRows, TileRows, TileRows);
        if (distances.Length < k * TileRows)
        {
            throw new ArgumentException($"{k} centroids need {k * TileRows} distance slots; {distances.Length} were given.");
        }

        if (Vector512.IsHardwareAccelerated)
        {
            TileToCentroidsVector512(tile, centroids, k, d, distances);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            TileToCentroidsVector256(tile, centroids, k, d, distances);
        }
        else
        {
            TileToCentroidsScalar(tile, centroids, k, d, distances);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void TileToCentroidsVector512(ReadOnlySpan<float> tile, ReadOnlySpan<float> centroids, int k, int d, Span<float> distances)
    {
        ref float pt = ref MemoryMarshal.GetReference(tile);
        ref float pc = ref MemoryMarshal.GetReference(centroids);
        ref float po = ref MemoryMarshal.GetReference(distances);
        int c = 0;
        for (; c + 4 <= k; c += 4)
        {
            ref float c0 = ref Unsafe.Add(ref pc, c * d);
            ref float c1 = ref Unsafe.Add(ref c0, d);
            ref float c2 = ref Unsafe.Add(ref c1, d);
            ref float c3 = ref Unsafe.Add(ref c2, d);
            var a0 = Vector512<float>.Zero;
            var a1 = Vector512<float>.Zero;
            var a2 = Vector512<float>.Zero;
            var a3 = Vector512<float>.Zero;
            for (int j = 0; j < d; j++)
            {
                var x = Vector512.LoadUnsafe(ref pt, (nuint)(j * TileRows));
                var d0 = x - Vector512.Create(Unsafe.Add(ref c0, j));
                var d1 = x - Vector512.Create(Unsafe.Add(ref c1, j));
                var d2 = x - Vector512.Create(Unsafe.Add(ref c2, j));
                var d3 = x - Vector512.Create(Unsafe.Add(ref c3, j));
                a0 = Vector512.FusedMultiplyAdd(d0, d0, a0);
                a1 = Vector512.FusedMultiplyAdd(d1, d1, a1);
                a2 = Vector512.FusedMultiplyAdd(d2, d2, a2);
                a3 = Vector512.FusedMultiplyAdd(d3, d3, a3);
            }

            a0.StoreUnsafe(ref po, (nuint)(c * TileRows));
            a1.StoreUnsafe(ref po, (nuint)((c + 1) * TileRows));
            a2.StoreUnsafe(ref po, (nuint)((c + 2) * TileRows));
            a3.StoreUnsafe(ref po, (nuint)((c + 3) * TileRows));
        }

        for (; c < k; c++)
        {
            ref float c0 = ref Unsafe.Add(ref pc, c * d);
            var a0 = Vector512<float>.Zero;
            for (int j = 0; j < d; j++)
            {
                var d0 = Vector512.LoadUnsafe(ref pt, (nuint)(j * TileRows)) - Vector512.Create(Unsafe.Add(ref c0, j));
                a0 = Vector512.FusedMultiplyAdd(d0, d0, a0);
            }

            a0.StoreUnsafe(ref po, (nuint)(c * TileRows));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void TileToCentroidsVector256(ReadOnlySpan<float> tile, ReadOnlySpan<float> centroids, int k, int d, Span<float> distances)
    {
        ref float pt = ref MemoryMarshal.GetReference(tile);
        ref float pc = ref MemoryMarshal.GetReference(centroids);
        ref float po = ref MemoryMarshal.GetReference(distances);
        for (int c = 0; c < k; c++)
        {
            ref float c0 = ref Unsafe.Add(ref pc, c * d);
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            for (int j = 0; j < d; j++)
            {
                var v0 = Vector256.Create(Unsafe.Add(ref c0, j));
                var d0 = Vector256.LoadUnsafe(ref pt, (nuint)(j * TileRows)) - v0;
                var d1 = Vector256.LoadUnsafe(ref pt, (nuint)((j * TileRows) + 8)) - v0;
                a0 = Vector256.FusedMultiplyAdd(d0, d0, a0);
                a1 = Vector256.FusedMultiplyAdd(d1, d1, a1);
            }

            a0.StoreUnsafe(ref po, (nuint)(c * TileRows));
            a1.StoreUnsafe(ref po, (nuint)((c * TileRows) + 8));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void TileToCentroidsScalar(ReadOnlySpan<float> tile, ReadOnlySpan<float> centroids, int k, int d, Span<float> distances)
    {
        for (int c = 0; c < k; c++)
        {
            for (int lane = 0; lane < TileRows; lane++)
            {
                float acc = 0;
                for (int j = 0; j < d; j++)
                {
                    float diff = tile[(j * TileRows) + lane] - centroids[(c * d) + j];
                    acc = MathF.FusedMultiplyAdd(diff, diff, acc);
                }

                distances[(c * TileRows) + lane] = acc;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Merge512(Vector512<float> acc, int c, ref Vector512<float> best, ref Vector512<float> second, ref Vector512<int> label)
    {
        // Strictly less: on a tie the earlier (lower-index) centroid stays nearest, and the tie becomes the second.
        var lt = Vector512.LessThan(acc, best);
        second = Vector512.ConditionalSelect(lt, best, Vector512.MinNative(second, acc));
        best = Vector512.ConditionalSelect(lt, acc, best);
        label = Vector512.ConditionalSelect(lt.AsInt32(), Vector512.Create(c), label);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Merge256(Vector256<float> acc, int c, ref Vector256<float> best, ref Vector256<float> second, ref Vector256<int> label)
    {
        var lt = Vector256.LessThan(acc, best);
        second = Vector256.ConditionalSelect(lt, best, Vector256.MinNative(second, acc));
        best = Vector256.ConditionalSelect(lt, acc, best);
        label = Vector256.ConditionalSelect(lt.AsInt32(), Vector256.Create(c), label);
    }
}
