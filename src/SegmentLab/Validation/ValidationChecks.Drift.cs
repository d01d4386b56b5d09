using SegmentLab.Data;

namespace SegmentLab.Validation;

public static partial class ValidationChecks
{
    private static IEnumerable<ValidationCheck> CheckDrift(DriftReport drift, ValidationSettings t)
    {
        bool any = false;
        foreach (var f in drift.Features)
        {
            if (f.Psi >= t.PsiWarn)
            {
                any = true;
                bool fail = f.Psi >= t.PsiFail;
                string shift = f.MeanShift is { } m ? $"; its mean moved {F2(m)} baseline standard deviations" : "";
                yield return Check(FeatureDrift, fail ? CheckStatus.Fail : CheckStatus.Warn,
                    $"feature {f.Feature} has drifted {(fail ? "significantly" : "moderately")}: PSI {F3(f.Psi)} ≥ {T(fail ? t.PsiFail : t.PsiWarn)}{shift}",
                    f.Psi, fail ? t.PsiFail : t.PsiWarn, subject: f.Feature);
            }
        }

        if (!any && drift.MostDrifted is { } most)
        {
            yield return Check(FeatureDrift, CheckStatus.Pass,
                $"no feature has drifted: largest PSI {F3(most.Psi)} ({most.Feature}) < {T(t.PsiWarn)}", most.Psi, t.PsiWarn, subject: most.Feature);
        }

        if (drift.Segments is { } mix)
        {
            var moved = mix.Segments.MaxBy(s => Math.Abs(s.Change))!;
            string detail = $"PSI over segment shares {F3(mix.Psi)}; largest move: segment {moved.Segment} from {P1(moved.BaselineShare)} to {P1(moved.CurrentShare)}";
            yield return mix.Psi >= t.PsiFail
                ? Check(SegmentShareDrift, CheckStatus.Fail, $"the segment mix has shifted significantly: {detail} (≥ {T(t.PsiFail)})", mix.Psi, t.PsiFail)
                : mix.Psi >= t.PsiWarn
                ? Check(SegmentShareDrift, CheckStatus.Warn, $"the segment mix has shifted moderately: {detail} (≥ {T(t.PsiWarn)})", mix.Psi, t.PsiWarn)
                : Check(SegmentShareDrift, CheckStatus.Pass, $"the segment mix is stable: {detail} (< {T(t.PsiWarn)})", mix.Psi, t.PsiWarn);
        }

        foreach (var c in CheckCentroids(drift.Centroids, t))
        {
            yield return c;
        }

        if (drift.Assignments is { AdjustedRandIndex: { } ari } a)
        {
            string who = $"the {N0(a.Matched)} customers present in both keep their segments";
            yield return ari < t.AssignmentAriFail
                ? Check(AssignmentAgreement, CheckStatus.Fail, $"{who} poorly: adjusted Rand index {Below(ari, t.AssignmentAriFail)} < {T(t.AssignmentAriFail)}", ari, t.AssignmentAriFail)
                : ari < t.AssignmentAriWarn
                ? Check(AssignmentAgreement, CheckStatus.Warn, $"{who} only moderately: adjusted Rand index {Below(ari, t.AssignmentAriWarn)} < {T(t.AssignmentAriWarn)}", ari, t.AssignmentAriWarn)
                : Check(AssignmentAgreement, CheckStatus.Pass, $"{who}: adjusted Rand index {F2(ari)} ≥ {T(t.AssignmentAriWarn)}", ari, t.AssignmentAriWarn);
        }
    }

    private static IEnumerable<ValidationCheck> CheckCentroids(IReadOnlyList<CentroidShift>? centroids, ValidationSettings t)
    {
        if (centroids is null || centroids.Count == 0)
        {
            yield break;
        }

        bool any = false;
        foreach (var c in centroids)
        {
            if (c.Distance >= t.CentroidShiftWarn)
            {
                any = true;
                bool fail = c.Distance >= t.CentroidShiftFail;
                yield return Check(CentroidShift, fail ? CheckStatus.Fail : CheckStatus.Warn,
                    $"segment {c.Segment}'s centre moved {F2(c.Distance)} standard deviations (≥ {T(fail ? t.CentroidShiftFail : t.CentroidShiftWarn)}), most along {c.LargestFeature} ({Signed(c.LargestFeatureShift)})",
                    c.Distance, fail ? t.CentroidShiftFail : t.CentroidShiftWarn, c.Segment, c.LargestFeature);
            }
        }

        if (!any)
        {
            var most = centroids.MaxBy(c => c.Distance)!;
            yield return Check(CentroidShift, CheckStatus.Pass,
                $"segment centres are stable: the largest move is {F2(most.Distance)} standard deviations (segment {most.Segment}) < {T(t.CentroidShiftWarn)}",
                most.Distance, t.CentroidShiftWarn, most.Segment);
        }
    }
}
