namespace SegmentLab.Validation;

/// <summary>The outcome of <see cref="SegmentValidation.Run"/>: the evaluated report and the pieces reports draw from. Immutable.</summary>
public sealed class SegmentValidationResult
{
    /// <summary>Builds a result.</summary>
    /// <param name="report">The evaluated report.</param>
    /// <param name="silhouette">The silhouette behind its separation section.</param>
    /// <param name="rfm">The RFM baseline, or null.</param>
    /// <param name="notes">What was skipped and why, in words.</param>
    public SegmentValidationResult(ValidationReport report, SilhouetteResult silhouette, RfmSegmentation? rfm, IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(silhouette);
        Report = report;
        Silhouette = silhouette;
        Rfm = rfm;
        Notes = notes ?? [];
    }

    /// <summary>The validation report with its checks evaluated (<see cref="ValidationReport.Verdict"/> is meaningful).</summary>
    public ValidationReport Report { get; }

    /// <summary>The silhouette behind the report's separation section (exact or sampled), with per-row values for charts.</summary>
    public SilhouetteResult Silhouette { get; }

    /// <summary>The RFM baseline segmentation of the same customers, or null when the table lacks recency/frequency/monetary.</summary>
    public RfmSegmentation? Rfm { get; }

    /// <summary>Steps skipped and why (e.g. "outcome 'engaged_in_holdout' is not in the table; skipped"), in run order.</summary>
    public IReadOnlyList<string> Notes { get; }
}
