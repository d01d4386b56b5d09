namespace SegmentLab.Pipeline;

/// <summary>How long one pipeline step took.</summary>
/// <param name="Step">The step's name (as in <see cref="PipelineProgress.Step"/>).</param>
/// <param name="Seconds">Wall time.</param>
public sealed record StepTiming(string Step, double Seconds);
