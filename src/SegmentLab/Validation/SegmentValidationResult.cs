namespace SegmentLab.Validation;

/// <summary>The outcome of <see cref="SegmentValidation.Run"/>: the evaluated report and the pieces reports draw from. Immutable.</summary>
public sealed class SegmentValidationResult
{
    /// <summary>Builds a result.</summary>
    public SegmentValidationResult(ValidationReport report, SilhouetteResult silhouette, RfmSegmentation? rfm)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(silhouette);
        Report = report;
        Silhouette = silhouette;
        Rfm = rfm;
    }

    /// <summary>The validation report with its checks evaluated (<see cref="ValidationReport.Verdict"/> is meaningful).</summary>
    public ValidationReport Report { get; }

    /// <summary>The silhouette behind the report's separation section (exact or sampled), with per-row values for charts.</summary>
    public SilhouetteResult Silhouette { get; }

    /// <summary>The RFM baseline segmentation of the same customers, or null when the table lacks recency/frequency/monetary.</summary>
    public RfmSegmentation? Rfm { get; }
}
