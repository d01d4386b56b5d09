namespace SegmentLab.Pipeline;

/// <summary>Progress of a pipeline run: the current step and how far it is.</summary>
/// <param name="Step">The step's name: generate, load, features, transform, pca, choose k, fit, identities, validate, profile, report, save, assign.</param>
/// <param name="Fraction">Fraction of the step done, 0..1 (1 when it finishes).</param>
public sealed record PipelineProgress(string Step, double Fraction);
