namespace SegmentLab.Validation;

/// <summary>Options for <see cref="ClusterStability.Bootstrap"/>.</summary>
public sealed record StabilityOptions
{
    /// <summary>Bootstrap replicates; default 100, as Hennig recommends. At least 2.</summary>
    public int Replicates { get; init; } = 100;

    /// <summary>Seed; replicate b resamples from its own stream derived from (seed, b), so results do not depend on thread count. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Replicates refitted at once; default null (all cores). Each running replicate holds a copy of the data; set 1 when
    /// the refit delegate is not thread-safe or already uses every core.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Largest number of rows a replicate resamples; default null (all n rows, as clusterboot). When n is larger, a
    /// fixed random subset of this many distinct rows is drawn once (from the seed's own stream) and every replicate
    /// resamples, with replacement, that subset's rows — so the cost and memory per replicate stop growing with n and
    /// the Jaccards describe the subset. At least 2 when set.
    /// </summary>
    public int? MaxRows { get; init; }
}
