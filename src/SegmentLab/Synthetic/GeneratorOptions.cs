namespace SegmentLab.Synthetic;

/// <summary>Options for <see cref="SyntheticGenerator"/>.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Number of customers; default 5,000. At least 1.</summary>
    public int Customers { get; init; } = 5_000;

    /// <summary>Seed: the same seed and options give byte-identical files; default 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>First day of activity; default 2024-01-01.</summary>
    public DateOnly Start { get; init; } = new(2024, 1, 1);

    /// <summary>Last day of activity (inclusive); default 2025-12-31.</summary>
    public DateOnly End { get; init; } = new(2025, 12, 31);

    /// <summary>Write <c>.csv.gz</c> instead of <c>.csv</c>; default false.</summary>
    public bool Compress { get; init; }

    /// <summary>
    /// Relative weight of each persona in the population; default null: loyal 0.14, discount 0.20, new 0.14, lapsed 0.20,
    /// browsers 0.22, B2B 0.10. Personas left out of a given dictionary do not occur.
    /// </summary>
    public IReadOnlyDictionary<Persona, double>? PersonaWeights { get; init; }

    /// <summary>Threads used; default null (all cores). Output does not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
