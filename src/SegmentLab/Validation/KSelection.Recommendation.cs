using System.Globalization;

namespace SegmentLab.Validation;

public static partial class KSelection
{
    private const string ElbowName = "the elbow of the inertia curve";
    private const string GapName = "the gap statistic";
    private const string SilhouetteName = "the best silhouette";

    /// <summary>
    /// The elbow, the best silhouette and the recommendation from scored candidates (with their gap choice made).
    /// </summary>
    /// <remarks>
    /// The rule, in order:
    /// <list type="number">
    /// <item>Three criteria vote: the elbow (kneedle; none when the curve has no knee), the gap statistic (firstSEmax; no
    /// vote when it picks k = 1 or the largest k tried — a gap still rising at the end of the range has not settled)
    /// and the best silhouette. A k with two or three votes wins.</item>
    /// <item>Otherwise, if the elbow and the gap both voted, the one of the two with the higher silhouette (the smaller k
    /// on a tie): both measure how many groups the data hold, and the silhouette tells which split separates better.</item>
    /// <item>Otherwise the elbow or the gap, whichever voted; the silhouette alone decides only when neither did, because
    /// on customer data it is often highest at k = 2, which seldom makes useful segments.</item>
    /// </list>
    /// The reason names the criteria behind the choice and the recommended k's silhouette with its Kaufman &amp;
    /// Rousseeuw band.
    /// </remarks>
    internal static KSelectionResult Conclude(IReadOnlyList<KCandidate> candidates, int? gapK, bool gapNoClusters, GapPoint? gapAtOne)
    {
        var ks = candidates.Select(c => (double)c.K).ToArray();
        var inertia = candidates.Select(c => c.Inertia).ToArray();
        int? elbow = Kneedle.Find(ks, inertia, Kneedle.Curve.Convex, increasing: false) is { } e ? (int)Math.Round(e) : null;
        var best = candidates.OrderByDescending(c => c.Silhouette).ThenBy(c => c.K).First();
        int maxK = candidates[^1].K;
        bool gapComputed = gapK is not null || gapNoClusters || candidates[0].Gap is not null;
        int? gapVote = gapK is { } g && g < maxK ? g : null;
        var (k, first) = Recommend(candidates, elbow, gapVote, best.K, gapK, gapNoClusters, gapComputed, maxK);
        var chosen = candidates.Single(c => c.K == k);
        string reason = first + " " + SilhouetteSentence(candidates, chosen, best);
        return new KSelectionResult(candidates, elbow, gapK, best.K, k, reason, gapNoClusters,
            gapAtOne is { } one ? (one.Gap, one.StandardError) : null);
    }

    private static (int K, string Sentence) Recommend(IReadOnlyList<KCandidate> candidates, int? elbow, int? gap, int silhouette,
        int? gapK, bool gapNoClusters, bool gapComputed, int maxK)
    {
        string GapStatus() => !gapComputed ? "the gap statistic was not computed"
            : gapNoClusters ? "the gap statistic finds no clusters (its first-SE-max rule picks k = 1)"
            : gapK == maxK ? $"the gap statistic is still rising at k = {maxK}, the largest k tried"
            : $"the gap statistic points to k = {gapK}";
        string ElbowStatus() => elbow is { } e ? $"the elbow is at k = {e}" : "the inertia curve has no clear elbow";

        if (elbow is { } a && gap == a && silhouette == a)
        {
            return (a, $"k = {a}: {ElbowName}, {GapName} (first-SE-max) and {SilhouetteName} all agree.");
        }

        if (elbow is { } eg && gap == eg)
        {
            return (eg, $"k = {eg}: {GapName} (first-SE-max) and {ElbowName} agree (the best silhouette is at k = {silhouette}).");
        }

        if (elbow is { } es && silhouette == es)
        {
            return (es, $"k = {es}: {ElbowName} and {SilhouetteName} agree ({GapStatus()}).");
        }

        if (gap is { } gs && silhouette == gs)
        {
            return (gs, $"k = {gs}: {GapName} (first-SE-max) and {SilhouetteName} agree ({ElbowStatus()}).");
        }

        if (elbow is { } e2 && gap is { } g2)
        {
            double se = SilhouetteOf(candidates, e2), sg = SilhouetteOf(candidates, g2);
            int k = se > sg || (se == sg && e2 < g2) ? e2 : g2;
            double won = Math.Max(se, sg), lost = Math.Min(se, sg);
            return (k, $"k = {k}: {ElbowName} (k = {e2}) and {GapName} (k = {g2}) disagree and neither matches the best silhouette (k = {silhouette}); " +
                $"k = {k} separates better of the two (silhouette {F2(won)} vs {F2(lost)}).");
        }

        if (elbow is { } e3)
        {
            return (e3, $"k = {e3}: {ElbowName} ({GapStatus()}; the best silhouette is at k = {silhouette}).");
        }

        if (gap is { } g3)
        {
            return (g3, $"k = {g3}: {GapName}, first-SE-max (the inertia curve has no clear elbow; the best silhouette is at k = {silhouette}).");
        }

        return (silhouette, $"k = {silhouette}: {SilhouetteName}, for want of other evidence: the inertia curve has no clear elbow and {GapStatus()}.");
    }

    /// <summary>"Silhouette 0.41 (weak structure), the highest for k ≥ 3." — the chosen k's separation in context.</summary>
    private static string SilhouetteSentence(IReadOnlyList<KCandidate> candidates, KCandidate chosen, KCandidate best)
    {
        string head = $"Silhouette {F2(chosen.Silhouette)} ({Validation.Silhouette.BandWords(Validation.Silhouette.BandOf(chosen.Silhouette))})";
        if (chosen.K == best.K)
        {
            return candidates.Count == 1 ? head + "." : $"{head}, the highest of k = {candidates[0].K}–{candidates[^1].K}.";
        }

        // The smallest m from which on the chosen k has the best silhouette, if it is the best of the k above some point.
        int? from = null;
        for (int m = chosen.K; m > candidates[0].K; m--)
        {
            if (candidates.Where(c => c.K >= m).All(c => c.Silhouette <= chosen.Silhouette))
            {
                from = m;
            }
            else
            {
                break;
            }
        }

        return from is { } f
            ? $"{head}, the highest for k ≥ {f} (k = {best.K} scores {F2(best.Silhouette)})."
            : $"{head}; the best is {F2(best.Silhouette)} at k = {best.K}.";
    }

    private static double SilhouetteOf(IReadOnlyList<KCandidate> candidates, int k) => candidates.Single(c => c.K == k).Silhouette;

    private static string F2(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
}
