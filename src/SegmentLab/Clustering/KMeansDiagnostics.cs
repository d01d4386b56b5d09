namespace SegmentLab.Clustering;

/// <summary>
/// Non-fatal facts about a k-means fit: which algorithm ran, which restart won, which restarts hit the iteration cap,
/// empty clusters that were relocated, and plain-English notes (for example options an engine could not honour).
/// </summary>
public sealed class KMeansDiagnostics
{
    internal KMeansDiagnostics(
        KMeansAlgorithm algorithm,
        KMeansEngine engine,
        int bestRestart,
        IReadOnlyList<int> restartIterations,
        IReadOnlyList<bool> restartConverged,
        IReadOnlyList<EmptyClusterRelocation> relocations,
        double absoluteTolerance,
        bool strictConvergence,
        long distanceEvaluations,
        int degreeOfParallelism,
        IReadOnlyList<string> notes)
    {
        Algorithm = algorithm;
        Engine = engine;
        BestRestart = bestRestart;
        RestartIterations = restartIterations;
        RestartConverged = restartConverged;
        Relocations = relocations;
        AbsoluteTolerance = absoluteTolerance;
        StrictConvergence = strictConvergence;
        DistanceEvaluations = distanceEvaluations;
        DegreeOfParallelism = degreeOfParallelism;
        Notes = notes;
    }

    /// <summary>Diagnostics of a model rebuilt from saved centroids (<see cref="KMeansModel.FromCentroids"/>): nothing was fitted.</summary>
    internal static KMeansDiagnostics None { get; } = new(KMeansAlgorithm.Auto, KMeansEngine.SegmentLab, -1, [], [], [], 0, false, 0, 0,
        ["built from saved centroids; nothing was fitted"]);

    /// <summary>The iteration strategy that actually ran (<see cref="KMeansAlgorithm.Auto"/> resolved).</summary>
    public KMeansAlgorithm Algorithm { get; }

    /// <summary>The engine that fitted the model.</summary>
    public KMeansEngine Engine { get; }

    /// <summary>0-based index of the restart with the lowest inertia (−1 for a model built from centroids).</summary>
    public int BestRestart { get; }

    /// <summary>Iterations run by each restart, by restart index.</summary>
    public IReadOnlyList<int> RestartIterations { get; }

    /// <summary>Whether each restart converged (labels stable or shift within tolerance) before the iteration cap.</summary>
    public IReadOnlyList<bool> RestartConverged { get; }

    /// <summary>Empty clusters relocated during the winning restart, in order.</summary>
    public IReadOnlyList<EmptyClusterRelocation> Relocations { get; }

    /// <summary>The absolute tolerance used: Tolerance × mean feature variance (compared with the summed squared centroid shift).</summary>
    public double AbsoluteTolerance { get; }

    /// <summary>True when the winning restart stopped because its labels stopped changing (not just a small shift).</summary>
    public bool StrictConvergence { get; }

    /// <summary>Row-to-centroid distances computed over all restarts (seeding excluded): shows how much pruning saved.</summary>
    public long DistanceEvaluations { get; }

    /// <summary>Threads used.</summary>
    public int DegreeOfParallelism { get; }

    /// <summary>Plain-English notes, for example a restart that hit the iteration cap or an option the engine ignored.</summary>
    public IReadOnlyList<string> Notes { get; }
}
