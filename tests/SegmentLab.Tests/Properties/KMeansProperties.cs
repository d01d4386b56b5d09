using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SegmentLab.Clustering;
using SegmentLab.Features;

namespace SegmentLab.Tests.Properties;

/// <summary>Properties of k-means that hold for any input: optimality of the labels, monotone Lloyd steps, invariances.</summary>
public sealed class KMeansProperties
{
    [Property(MaxTest = 60)]
    public Property Labels_are_the_argmin_of_the_distances_to_the_returned_centroids(int seed, PositiveInt size, PositiveInt dims, PositiveInt clusters)
    {
        int n = 5 + (size.Get % 150), d = 1 + (dims.Get % 6), k = 1 + (clusters.Get % Math.Min(8, n)); // k ≤ n: more clusters than rows is a usage error, not a property case
        var x = PropertyData.Noise(seed, n, d);
        var model = KMeans.Fit(x, new KMeansOptions { K = k, NInit = 2, Seed = seed });
        double inertia = 0;
        for (int i = 0; i < n; i++)
        {
            double best = double.MaxValue;
            for (int c = 0; c < k; c++)
            {
                best = Math.Min(best, PropertyData.Distance2(x.Row(i), model.Centroids.Row(c)));
            }

            double mine = PropertyData.Distance2(x.Row(i), model.Centroids.Row(model.Labels[i]));
            if (mine > best + (1e-4 * (1 + best)))
            {
                return false.Label($"row {i}: label {model.Labels[i]} at {mine}, nearest at {best}");
            }

            inertia += best;
        }

        // The reported inertia is that of the returned labels and centroids.
        return (Math.Abs(model.Inertia - inertia) <= 1e-4 * (1 + inertia)).Label($"inertia {model.Inertia} vs recomputed {inertia}");
    }

    [Property(MaxTest = 40)]
    public Property Inertia_never_increases_across_Lloyd_iterations(int seed, PositiveInt size, PositiveInt clusters)
    {
        int n = 20 + (size.Get % 120), d = 3, k = 2 + (clusters.Get % 5);
        var x = PropertyData.Noise(seed, n, d);
        // The same start for every run: the first k rows (distinct almost surely), so run m is run m − 1 plus one step.
        var start = x.SelectRows(Enumerable.Range(0, k).ToArray());
        double previous = double.PositiveInfinity;
        for (int m = 1; m <= 8; m++)
        {
            var model = KMeans.Fit(x, new KMeansOptions
            {
                K = k, NInit = 1, MaxIterations = m, Tolerance = 0, InitialCentroids = start, Algorithm = KMeansAlgorithm.Lloyd, Seed = seed,
            });
            if (model.Inertia > previous * (1 + 1e-6) + 1e-9)
            {
                return false.Label($"iteration {m}: inertia {model.Inertia} > {previous}");
            }

            previous = model.Inertia;
        }

        return true.ToProperty();
    }

    [Property(MaxTest = 30)]
    public Property Row_order_does_not_change_the_segments(int seed, PositiveInt clusters, PositiveInt perBlob)
    {
        int k = 2 + (clusters.Get % 4);
        var (x, blob) = PropertyData.Blobs(seed, k, 8 + (perBlob.Get % 30), 3);
        int[] perm = PropertyData.Permutation(seed ^ 0x5EED, x.Rows);
        var shuffled = x.SelectRows(perm);
        var options = new KMeansOptions { K = k, NInit = 4, Seed = seed };
        var a = KMeans.Fit(x, options).Labels;
        var b = KMeans.Fit(shuffled, options).Labels;
        // Back in the original order, the shuffled fit must give the same partition (segment ids may be renamed)…
        var back = new int[x.Rows];
        for (int i = 0; i < perm.Length; i++)
        {
            back[perm[i]] = b[i];
        }

        // …and both must be the blobs themselves.
        return (PropertyData.SamePartition(a, back) && PropertyData.SamePartition(a, blob)).Label("partitions differ");
    }

    [Property(MaxTest = 40)]
    public Property With_the_same_start_row_order_changes_nothing_but_the_order(int seed, PositiveInt size, PositiveInt clusters)
    {
        int n = 20 + (size.Get % 150), k = 2 + (clusters.Get % 5);
        var x = PropertyData.Noise(seed, n, 2);
        var start = x.SelectRows(Enumerable.Range(0, k).ToArray());
        int[] perm = PropertyData.Permutation(seed, n);
        var options = new KMeansOptions { K = k, NInit = 1, InitialCentroids = start, Tolerance = 0, MaxIterations = 50 };
        var a = KMeans.Fit(x, options);
        var b = KMeans.Fit(x.SelectRows(perm), options);
        for (int i = 0; i < n; i++)
        {
            if (a.Labels[perm[i]] != b.Labels[i])
            {
                return false.Label($"row {perm[i]}: {a.Labels[perm[i]]} vs {b.Labels[i]}");
            }
        }

        return (Math.Abs(a.Inertia - b.Inertia) <= 1e-5 * (1 + a.Inertia)).Label($"inertia {a.Inertia} vs {b.Inertia}");
    }

    [Property(MaxTest = 12)]
    public Property Thread_count_does_not_change_a_single_bit(int seed, PositiveInt size, PositiveInt clusters)
    {
        // Over 1,024 rows, so the rows fall in several chunks that threads share differently.
        int n = 1100 + (size.Get % 1500), k = 2 + (clusters.Get % 5);
        var x = PropertyData.Noise(seed, n, 3);
        KMeansModel Fit(int? threads) => KMeans.Fit(x, new KMeansOptions { K = k, NInit = 2, Seed = seed, MaxDegreeOfParallelism = threads });
        var one = Fit(1);
        var two = Fit(2);
        var all = Fit(null);
        bool same(KMeansModel m) => m.Labels.SequenceEqual(one.Labels) && m.Centroids.Values.SequenceEqual(one.Centroids.Values)
            && BitConverter.DoubleToInt64Bits(m.Inertia) == BitConverter.DoubleToInt64Bits(one.Inertia);
        return (same(two) && same(all)).Label("results differ between 1, 2 and all threads");
    }
}
