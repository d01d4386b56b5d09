using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SegmentLab.Features;

namespace SegmentLab.Clustering;

/// <summary>
/// The <see cref="KMeansEngine.MlNet"/> engine: Microsoft.ML's <c>KMeansTrainer</c> behind the same call.
/// </summary>
/// <remarks>
/// Mapping: K → NumberOfClusters; MaxIterations → MaximumNumberOfIterations; k-means++ initialisation; NInit → that
/// many trainings with <c>MLContext(seed: Seed + r)</c>, best inertia kept; MaxDegreeOfParallelism → NumberOfThreads
/// (ML.NET runs single-threaded when given 1, which is what makes it reproducible). Not honoured: SampleWeights (the
/// trainer's weight column is ignored by its k-means++ and update steps as far as we can tell, so we refuse rather
/// than pretend), InitialCentroids (no warm start in ML.NET), Tolerance (ML.NET's OptimizationTolerance has a different
/// meaning; its default is kept) and Algorithm (ML.NET always uses its own accelerated Lloyd).
/// </remarks>
public static partial class KMeans
{
    private static KMeansModel FitMlNet(FeatureMatrix data, KMeansOptions options, double[]? weights, double tolerance,
        int threads, CancellationToken cancellationToken)
    {
        if (weights is not null)
        {
            throw new ArgumentException("the MlNet engine cannot honour SampleWeights; use Engine = SegmentLab.", nameof(options));
        }

        if (options.InitialCentroids is not null)
        {
            throw new ArgumentException("the MlNet engine cannot start from InitialCentroids; use Engine = SegmentLab.", nameof(options));
        }

        int n = data.Rows, d = data.Columns, k = options.K;
        var rows = new MlRow[n];
        for (int r = 0; r < n; r++)
        {
            rows[r] = new MlRow { Features = data.Row(r).ToArray() };
        }

        var schema = SchemaDefinition.Create(typeof(MlRow));
        schema[nameof(MlRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        var restarts = new List<(float[] Centroids, int[] Labels, double Inertia)>();
        for (int r = 0; r < options.NInit; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ml = new MLContext(seed: unchecked(options.Seed + r));
            IDataView view = ml.Data.LoadFromEnumerable(rows, schema);
            var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = nameof(MlRow.Features),
                NumberOfClusters = k,
                MaximumNumberOfIterations = options.MaxIterations,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                NumberOfThreads = threads,
            });
            var fitted = trainer.Fit(view);
            VBuffer<float>[] centres = [];
            fitted.Model.GetClusterCentroids(ref centres, out int got);
            var flat = new float[k * d];
            for (int c = 0; c < got; c++)
            {
                centres[c].DenseValues().ToArray().CopyTo(flat.AsSpan(c * d, d));
            }

            var model = new KMeansModel(new FeatureMatrix(flat, k, d, data.ColumnNames), [], double.NaN, 0, false, [], KMeansDiagnostics.None);
            int[] labels = model.Predict(data);
            restarts.Add((flat, labels, model.Score(data, labels, null)));
        }

        int best = 0;
        for (int r = 1; r < restarts.Count; r++)
        {
            best = restarts[r].Inertia < restarts[best].Inertia ? r : best;
        }

        var notes = new List<string>
        {
            "fitted by ML.NET's KMeansTrainer: Tolerance and Algorithm do not apply; iterations and convergence are not reported by ML.NET.",
        };
        var diagnostics = new KMeansDiagnostics(KMeansAlgorithm.Auto, KMeansEngine.MlNet, best,
            new int[restarts.Count], new bool[restarts.Count], [], tolerance, false, 0, threads, notes);
        var winner = restarts[best];
        return new KMeansModel(new FeatureMatrix(winner.Centroids, k, d, data.ColumnNames), winner.Labels, winner.Inertia,
            0, false, restarts.Select(x => x.Inertia).ToArray(), diagnostics);
    }

    /// <summary>One row as ML.NET reads it (the vector size is set at run time through the schema).</summary>
    private sealed class MlRow
    {
        public float[] Features { get; set; } = [];
    }
}
