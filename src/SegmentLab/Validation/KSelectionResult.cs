namespace SegmentLab.Validation;

/// <summary>
/// The outcome of a <see cref="KSelection.Sweep"/>: one <see cref="KCandidate"/> per k, the k each criterion points to,
/// and the recommended k with its reason in words. Immutable.
/// </summary>
public sealed class KSelectionResult
{
    /// <summary>Builds a result; <paramref name="candidates"/> must be in ascending k order without gaps.</summary>
    /// <exception cref="ArgumentException">No candidates, k not consecutive, or the recommended k is not among them.</exception>
    public KSelectionResult(IReadOnlyList<KCandidate> candidates, int? elbowK, int? gapK, int? silhouetteK, int recommendedK, string reason)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(reason);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("a k selection needs at least one candidate.", nameof(candidates));
        }

        for (int i = 1; i < candidates.Count; i++)
        {
            if (candidates[i].K != candidates[0].K + i)
            {
                throw new ArgumentException($"candidates must have consecutive k; found k={candidates[i].K} after k={candidates[i - 1].K}.", nameof(candidates));
            }
        }

        Candidates = candidates.ToArray();
        ElbowK = elbowK;
        GapK = gapK;
        SilhouetteK = silhouetteK;
        RecommendedK = recommendedK;
        Reason = reason;
        _ = this[recommendedK];
    }

    /// <summary>One entry per k, ascending from <see cref="KSelectionOptions.MinK"/> to <see cref="KSelectionOptions.MaxK"/>.</summary>
    public IReadOnlyList<KCandidate> Candidates { get; }

    /// <summary>The elbow of the inertia curve by the kneedle method, or null when the curve has no knee.</summary>
    public int? ElbowK { get; }

    /// <summary>The k chosen by the gap statistic with Hennig's firstSEmax rule, or null when the gap was not computed.</summary>
    public int? GapK { get; }

    /// <summary>The k with the highest mean silhouette (lowest k on ties), or null when there are no candidates.</summary>
    public int? SilhouetteK { get; }

    /// <summary>The recommended number of segments.</summary>
    public int RecommendedK { get; }

    /// <summary>Why <see cref="RecommendedK"/> was chosen, in one or two sentences.</summary>
    public string Reason { get; }

    /// <summary>The candidate for <paramref name="k"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> was not swept.</exception>
    public KCandidate this[int k]
    {
        get
        {
            int i = k - Candidates[0].K;
            if (i < 0 || i >= Candidates.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(k), k, $"k={k} was not swept; the sweep covers k={Candidates[0].K}..{Candidates[^1].K}.");
            }

            return Candidates[i];
        }
    }
}
