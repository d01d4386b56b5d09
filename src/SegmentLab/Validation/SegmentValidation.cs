namespace SegmentLab.Validation;

/// <summary>
/// Runs every validation step on a fitted segmentation — separation, outcome lift next to the RFM baseline, feature and
/// categorical indices, bootstrap stability, drift against a baseline — and evaluates the report's checks.
/// </summary>
public static partial class SegmentValidation
{
    /// <summary>Validates <paramref name="input"/> and returns the evaluated report.</summary>
    /// <param name="input">The table, the clustered matrix, the model and the optional stability / drift parts.</param>
    /// <param name="progress">Receives the fraction done, 0..1, over the phases.</param>
    /// <param name="ct">Cancels between and within phases.</param>
    /// <exception cref="ArgumentException">The shapes of the parts disagree.</exception>
    /// <exception cref="Data.InputException">An outcome the analyst named is not in the table (the message lists those available).</exception>
    public static SegmentValidationResult Run(SegmentValidationInput input, IProgress<double>? progress = null, CancellationToken ct = default) =>
        throw new NotImplementedException("SegmentValidation.Run is being written on wip/sweep.");
}
