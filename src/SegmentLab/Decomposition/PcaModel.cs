using SegmentLab.Features;

namespace SegmentLab.Decomposition;

/// <summary>
/// A fitted PCA (from <see cref="Pca.Fit(FeatureMatrix, PcaOptions?, CancellationToken)"/>): the column means, the kept components and the variance each explains.
/// Immutable; <see cref="WithComponents"/> and <see cref="WithWhiten"/> give re-cut copies without refitting.
/// </summary>
public sealed class PcaModel
{
    private readonly double[] _mean;
    private readonly double[] _vectors;    // all min(n, D) components, row-major, float64
    private readonly double[] _variance;   // all min(n, D) eigenvalues, descending
    private readonly double _totalVariance;
    private readonly int _rows;

    internal PcaModel(IReadOnlyList<string> featureNames, double[] mean, double[] vectors, double[] variance, double totalVariance,
        int rows, int components, bool whiten)
    {
        _mean = mean;
        _vectors = vectors;
        _variance = variance;
        _totalVariance = totalVariance;
        _rows = rows;
        FeatureNames = featureNames;
        Components = components;
        Whiten = whiten;
        int dims = mean.Length;
        Mean = Array.AsReadOnly(mean);
        ExplainedVariance = Array.AsReadOnly(variance[..components]);
        ExplainedVarianceRatio = Array.AsReadOnly(variance[..components].Select(v => v / totalVariance).ToArray());
        var loadings = new float[components * dims];
        for (int i = 0; i < loadings.Length; i++)
        {
            loadings[i] = (float)vectors[i];
        }

        Loadings = new FeatureMatrix(loadings, components, dims, featureNames);
        ComponentNames = Enumerable.Range(1, components).Select(c => $"PC{c}").ToArray();
    }

    /// <summary>Number of components kept (1 … min(rows, columns)).</summary>
    public int Components { get; }

    /// <summary>Names of the fitted columns, in order; <see cref="Transform"/> needs the same columns.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Names of the components: PC1, PC2, … (the columns of <see cref="Transform"/>'s result).</summary>
    public IReadOnlyList<string> ComponentNames { get; }

    /// <summary>Column means of the training data (length D), subtracted before projecting.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>
    /// The components (principal axes) as rows: <see cref="Components"/> × D, orthonormal, sorted by explained
    /// variance, each with its largest-|value| entry positive; column names = <see cref="FeatureNames"/>. Stored as
    /// float32 (the model keeps float64 internally for <see cref="Transform"/>).
    /// </summary>
    public FeatureMatrix Loadings { get; }

    /// <summary>Variance of the training scores along each kept component (n − 1 denominator), descending.</summary>
    public IReadOnlyList<double> ExplainedVariance { get; }

    /// <summary>Each kept component's share of the total variance (all components together sum to 1).</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>Whether <see cref="Transform"/> scales scores to unit variance.</summary>
    public bool Whiten { get; }

    /// <summary>Rows of the training data.</summary>
    public int TrainingRows => _rows;

    /// <summary>
    /// A copy keeping the first <paramref name="components"/> components (1 … min(training rows, columns)), e.g. to
    /// look at a different cut without refitting.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 … min(training rows, columns).</exception>
    public PcaModel WithComponents(int components)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(components, _variance.Length);
        return new PcaModel(FeatureNames, _mean, _vectors, _variance, _totalVariance, _rows, components, Whiten);
    }

    /// <summary>A copy with whitening switched on or off.</summary>
    public PcaModel WithWhiten(bool whiten) => new(FeatureNames, _mean, _vectors, _variance, _totalVariance, _rows, Components, whiten);

    /// <summary>
    /// Scores: (x − <see cref="Mean"/>) × Loadingsᵀ, divided by √(explained variance) when <see cref="Whiten"/> (a
    /// zero-variance component is left unscaled). Computed in float64, returned as float32.
    /// </summary>
    /// <param name="x">n × D rows with the fitted columns, in the same order.</param>
    /// <returns>n × <see cref="Components"/> matrix with columns PC1, PC2, ….</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> has a different number of columns.</exception>
    public FeatureMatrix Transform(FeatureMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int dims = _mean.Length, k = Components;
        if (x.Columns != dims)
        {
            throw new ArgumentException($"the model was fitted on {dims} columns but the matrix has {x.Columns}.", nameof(x));
        }

        double[] scale = ScoreScale();
        var scores = new float[x.Rows * k];
        float[] values = x.Buffer;
        Parallel.For(0, (x.Rows + 4095) / 4096, chunk =>
        {
            var centred = new double[dims];
            for (int r = chunk * 4096; r < Math.Min(x.Rows, (chunk + 1) * 4096); r++)
            {
                for (int d = 0; d < dims; d++)
                {
                    centred[d] = values[(r * dims) + d] - _mean[d];
                }

                for (int c = 0; c < k; c++)
                {
                    double s = 0;
                    for (int d = 0; d < dims; d++)
                    {
                        s += centred[d] * _vectors[(c * dims) + d];
                    }

                    scores[(r * k) + c] = (float)(s / scale[c]);
                }
            }
        });

        return new FeatureMatrix(scores, x.Rows, k, ComponentNames);
    }

    /// <summary>
    /// Back to feature space: scores × Loadings + <see cref="Mean"/> (scores multiplied back by √(explained variance)
    /// first when <see cref="Whiten"/>). With all components this undoes <see cref="Transform"/> up to float32
    /// round-off; with fewer it is the best rank-k approximation.
    /// </summary>
    /// <param name="scores">n × <see cref="Components"/> scores.</param>
    /// <returns>n × D matrix with columns <see cref="FeatureNames"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="scores"/> does not have <see cref="Components"/> columns.</exception>
    public FeatureMatrix InverseTransform(FeatureMatrix scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int dims = _mean.Length, k = Components;
        if (scores.Columns != k)
        {
            throw new ArgumentException($"the model has {k} components but the scores have {scores.Columns} columns.", nameof(scores));
        }

        double[] scale = ScoreScale();
        var x = new float[scores.Rows * dims];
        float[] values = scores.Buffer;
        Parallel.For(0, (scores.Rows + 4095) / 4096, chunk =>
        {
            var row = new double[dims];
            for (int r = chunk * 4096; r < Math.Min(scores.Rows, (chunk + 1) * 4096); r++)
            {
                _mean.CopyTo(row, 0);
                for (int c = 0; c < k; c++)
                {
                    double s = values[(r * k) + c] * scale[c];
                    for (int d = 0; d < dims; d++)
                    {
                        row[d] += s * _vectors[(c * dims) + d];
                    }
                }

                for (int d = 0; d < dims; d++)
                {
                    x[(r * dims) + d] = (float)row[d];
                }
            }
        });

        return new FeatureMatrix(x, scores.Rows, dims, FeatureNames);
    }

    /// <summary>Per-component divisor of the scores: √variance when whitening (1 for zero variance), else 1.</summary>
    private double[] ScoreScale()
    {
        var scale = new double[Components];
        for (int c = 0; c < Components; c++)
        {
            scale[c] = Whiten && _variance[c] > 0 ? Math.Sqrt(_variance[c]) : 1;
        }

        return scale;
    }
}
