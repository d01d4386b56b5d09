using System.Collections.Concurrent;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>Large-n rule: with MaxRows below n, every replicate resamples one fixed seeded subset of MaxRows rows.</summary>
public sealed partial class ClusterStabilityTests
{
    /// <summary>Row i of the planted data with its index in a third column, so a refit can tell which rows it was given.</summary>
    private static FeatureMatrix Tagged(FeatureMatrix data) =>
        FeatureMatrix.FromRows(Enumerable.Range(0, data.Rows).Select(i => (IReadOnlyList<double>)[data[i, 0], data[i, 1], i]).ToList(), ["x", "y", "row"]);

    [Fact]
    public void Above_the_cap_every_replicate_resamples_the_same_subset_of_that_many_rows()
    {
        var (planted, _) = Planted();
        var data = Tagged(planted);
        var labels = TinyKMeans(planted, 5, CancellationToken.None);
        var seen = new ConcurrentBag<int>();
        var sizes = new ConcurrentBag<int>();
        var r = ClusterStability.Bootstrap(data, labels, (x, ct) =>
        {
            sizes.Add(x.Rows);
            for (int i = 0; i < x.Rows; i++)
            {
                seen.Add((int)x[i, 2]);
            }

            return TinyKMeans(x, 5, ct);
        }, new StabilityOptions { Replicates = 20, Seed = 3, MaxRows = 60 });

        Assert.Equal(60, r.SubsetRows);
        Assert.All(sizes, s => Assert.Equal(60, s));
        var subset = ClusterStability.Subset(data.Rows, 60, 3);
        Assert.Equal(60, subset.Distinct().Count());
        Assert.Equal(subset.Order(), subset);
        Assert.All(subset, i => Assert.InRange(i, 0, data.Rows - 1));
        // Only subset rows are ever drawn, and 20 resamples of 60 draw nearly all of them (each is missed with p ≈ e⁻²⁰).
        Assert.Equal(subset.ToHashSet(), seen.ToHashSet());
        // Sizes are still the segments' sizes over all rows, not over the subset.
        Assert.Equal(data.Rows, r.Segments.Sum(s => s.Count));
        Assert.Contains("fixed random subset of 60 customers", r.ResampledText);
    }

    [Fact]
    public void The_subset_depends_on_the_seed_only_not_the_thread_count()
    {
        var (data, _) = Planted();
        var labels = TinyKMeans(data, 5, CancellationToken.None);
        StabilityResult Run(int? threads) => ClusterStability.Bootstrap(data, labels, (x, ct) => TinyKMeans(x, 5, ct),
            new StabilityOptions { Replicates = 12, Seed = 5, MaxRows = 80, MaxDegreeOfParallelism = threads });
        var one = Run(1);
        var many = Run(4);
        Assert.Equal(one.AdjustedRandIndexes, many.AdjustedRandIndexes);
        Assert.Equal(one.Segments.SelectMany(s => s.Jaccards), many.Segments.SelectMany(s => s.Jaccards));
        Assert.NotEqual(ClusterStability.Subset(data.Rows, 80, 5), ClusterStability.Subset(data.Rows, 80, 6));
    }

    [Fact]
    public void A_cap_at_or_above_n_is_the_plain_bootstrap()
    {
        var (data, _) = Planted();
        var labels = TinyKMeans(data, 5, CancellationToken.None);
        StabilityResult Run(int? max) => ClusterStability.Bootstrap(data, labels, (x, ct) => TinyKMeans(x, 5, ct),
            new StabilityOptions { Replicates = 6, Seed = 2, MaxRows = max, MaxDegreeOfParallelism = 1 });
        var plain = Run(null);
        var capped = Run(data.Rows);
        Assert.Null(plain.SubsetRows);
        Assert.Null(capped.SubsetRows);
        Assert.Equal(plain.AdjustedRandIndexes, capped.AdjustedRandIndexes);
        Assert.Equal("each replicate resamples all customers", plain.ResampledText);
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(1));
    }
}
