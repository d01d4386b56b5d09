using SegmentLab.Clustering;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>The recommendation rule on hand-built candidates: which criterion wins, and the words that say why.</summary>
public sealed partial class KSelectionTests
{
    private static readonly KMeansModel Dummy = KMeansModel.FromCentroids(FeatureMatrix.FromRows([[0.0]]));

    // Inertia curves for k = 2..8 and their kneedle elbows (worked in KneedleTests' manner):
    // ElbowAt3: difference curve 0, .574, .531, .426, .296, .155, 0 → max at k = 3, and k = 6 falls below .574 − 1/6.
    private static readonly double[] ElbowAt3 = [100, 40, 30, 25, 22, 20, 19];

    // ElbowAt5: straight down to k = 5, then flat: difference 0, .141, .282, .423, .287, .152, 0 → k = 5.
    private static readonly double[] ElbowAt5 = [100, 80, 60, 40, 38, 36, 35];

    // A straight line on k = 2..10 (exact eighths after normalising): the difference curve is 0 everywhere, no elbow.
    private static readonly double[] Straight = [90, 80, 70, 60, 50, 40, 30, 20, 10];

    private static KCandidate[] Candidates(double[] inertia, double[] silhouette) =>
        inertia.Select((w, i) => new KCandidate
        {
            K = i + 2,
            Inertia = w,
            Silhouette = silhouette[i],
            SilhouetteMethod = SilhouetteMethod.Exact,
            CalinskiHarabasz = 1,
            DaviesBouldin = 1,
            Model = Dummy,
        }).ToArray();

    private static KSelectionResult Conclude(double[] inertia, double[] silhouette, int? gapK, bool noClusters = false) =>
        KSelection.Conclude(Candidates(inertia, silhouette), gapK, noClusters, null);

    [Fact]
    public void Elbow_and_gap_agreeing_win_over_the_silhouette()
    {
        var r = Conclude(ElbowAt5, [.52, .30, .35, .41, .38, .30, .28], gapK: 5);
        Assert.Equal((5, 5, 2, 5), (r.ElbowK!.Value, r.GapK!.Value, r.SilhouetteK!.Value, r.RecommendedK));
        Assert.Equal("k = 5: the gap statistic (first-SE-max) and the elbow of the inertia curve agree (the best silhouette is at k = 2). " +
            "Silhouette 0.41 (weak structure), the highest for k ≥ 3 (k = 2 scores 0.52).", r.Reason);
    }

    [Fact]
    public void Elbow_and_silhouette_agreeing_win_when_the_gap_is_still_rising()
    {
        // Gap k = 8 = MaxK: rising to the end of the range, so it casts no vote.
        var r = Conclude(ElbowAt3, [.40, .45, .41, .38, .35, .30, .28], gapK: 8);
        Assert.Equal(3, r.RecommendedK);
        Assert.Equal(8, r.GapK);
        Assert.Equal("k = 3: the elbow of the inertia curve and the best silhouette agree (the gap statistic is still rising at k = 8, the largest k tried). " +
            "Silhouette 0.45 (weak structure), the highest of k = 2–8.", r.Reason);
    }

    [Fact]
    public void Gap_and_silhouette_agreeing_win_over_the_elbow()
    {
        var r = Conclude(ElbowAt3, [.40, .31, .45, .38, .35, .30, .28], gapK: 4);
        Assert.Equal(4, r.RecommendedK);
        Assert.StartsWith("k = 4: the gap statistic (first-SE-max) and the best silhouette agree (the elbow is at k = 3).", r.Reason);
    }

    [Fact]
    public void When_all_disagree_the_better_separated_of_elbow_and_gap_wins()
    {
        // Elbow 3 (silhouette .31), gap 6 (silhouette .36), best silhouette k = 2 (.60, strong-ish but two segments).
        var r = Conclude(ElbowAt3, [.60, .31, .33, .34, .36, .30, .28], gapK: 6);
        Assert.Equal(6, r.RecommendedK);
        Assert.Equal("k = 6: the elbow of the inertia curve (k = 3) and the gap statistic (k = 6) disagree and neither matches the best silhouette (k = 2); " +
            "k = 6 separates better of the two (silhouette 0.36 vs 0.31). Silhouette 0.36 (weak structure), the highest for k ≥ 3 (k = 2 scores 0.60).", r.Reason);

        // On equal silhouettes the smaller k.
        Assert.Equal(3, Conclude(ElbowAt3, [.60, .31, .33, .34, .31, .30, .28], gapK: 6).RecommendedK);
    }

    [Fact]
    public void One_voting_criterion_beats_the_silhouette_alone()
    {
        var elbowOnly = Conclude(ElbowAt5, [.60, .31, .33, .34, .36, .30, .28], gapK: null);
        Assert.Equal(5, elbowOnly.RecommendedK);
        Assert.StartsWith("k = 5: the elbow of the inertia curve (the gap statistic was not computed; the best silhouette is at k = 2).", elbowOnly.Reason);
        Assert.EndsWith("Silhouette 0.34 (weak structure); the best is 0.60 at k = 2.", elbowOnly.Reason);

        var gapOnly = Conclude([.. Straight.Take(7)], [.60, .31, .33, .34, .36, .30, .28], gapK: 4);
        Assert.Null(gapOnly.ElbowK);
        Assert.Equal(4, gapOnly.RecommendedK);
        Assert.StartsWith("k = 4: the gap statistic, first-SE-max (the inertia curve has no clear elbow; the best silhouette is at k = 2).", gapOnly.Reason);
    }

    [Fact]
    public void Without_elbow_or_gap_the_silhouette_decides()
    {
        var r = Conclude(Straight, [.20, .22, .18, .15, .12, .10, .09, .08, .07], gapK: null, noClusters: true);
        Assert.Null(r.ElbowK);
        Assert.Null(r.GapK);
        Assert.True(r.GapSuggestsNoClusters);
        Assert.Equal(3, r.RecommendedK);
        Assert.Equal("k = 3: the best silhouette, for want of other evidence: the inertia curve has no clear elbow and the gap statistic finds no clusters " +
            "(its first-SE-max rule picks k = 1). Silhouette 0.22 (no substantial structure), the highest of k = 2–10.", r.Reason);
    }
}
