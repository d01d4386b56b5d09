namespace SegmentLab.Validation;

/// <summary>
/// The outcome of a <see cref="KSelection.Sweep"/>: one <see cref="KCandidate"/> per k, the k each criterion points to,
/// and the recommended k with its reason in words. Immutable.
/// </summary>
public sealed class KSelectionResult
{
    /// <summary>Builds a result; <paramref name="candidates"/> must be in ascending k order without gaps.</summary>
    /// <exception cref="ArgumentException">No candidates, k not consecutive, or the recommended k is not among them.</exception>
    /// <param name="candidates">One per k, ascending.</param>
    /// <param name="elbowK">The kneedle elbow, or null.</param>
    /// <param name="gapK">The gap statistic's k, or null.</param>
    /// <param name="silhouetteK">The best silhouette's k, or null.</param>
    /// <param name="recommendedK">The recommended k (one of the candidates).</param>
    /// <param name="reason">Why, in words.</param>
    /// <param name="gapSuggestsNoClusters">Whether the gap statistic's rule picked k = 1.</param>
    /// <param name="gapAtOne">Gap and standard error at k = 1, when computed.</param>
    public KSelectionResult(IReadOnlyList<KCandidate> candidates, int? elbowK, int? gapK, int? silhouetteK, int recommendedK, string reason,
        bool gapSuggestsNoClusters = false, (double Gap, double StandardError)? gapAtOne = null)
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
        GapSuggestsNoClusters = gapSuggestsNoClusters;
        GapAtOne = gapAtOne;
        _ = this[recommendedK];
    }

    /// <summary>One entry per k, ascending from <see cref="KSelectionOptions.MinK"/> to <see cref="KSelectionOptions.MaxK"/>.</summary>
    public IReadOnlyList<KCandidate> Candidates { get; }

    /// <summary>The elbow of the inertia curve by the kneedle method, or null when the curve has no knee.</summary>
    public int? ElbowK { get; }

    /// <summary>The k chosen by the gap statistic with the firstSEmax rule, or null when the gap was not computed or the rule picked k = 1 (see <see cref="GapSuggestsNoClusters"/>).</summary>
    public int? GapK { get; }

    /// <summary>
    /// True when the gap statistic's firstSEmax rule, which with MinK = 2 also weighs k = 1, picked k = 1: no clustering
    /// structure beyond what uniform data shows. <see cref="GapK"/> is then null.
    /// </summary>
    public bool GapSuggestsNoClusters { get; }

    /// <summary>The gap and its standard error at k = 1 (computed when MinK = 2 and the gap is on), else null.</summary>
    public (double Gap, double StandardError)? GapAtOne { get; }

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
