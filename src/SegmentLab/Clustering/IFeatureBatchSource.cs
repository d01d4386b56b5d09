using SegmentLab.Features;

namespace SegmentLab.Clustering;

/// <summary>
/// Rows served in batches, for <see cref="MiniBatchKMeans"/>: a matrix in memory
/// (<see cref="FeatureMatrixBatchSource"/>), a DataFrame (<see cref="DataFrameBatchSource"/>) or a Parquet/CSV file
/// streamed through DuckDB (<see cref="DuckDbBatchSource"/>). Implementations must be deterministic: the same
/// arguments give the same rows in the same order.
/// </summary>
public interface IFeatureBatchSource
{
    /// <summary>The feature names, one per column, in order.</summary>
    IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Total number of rows.</summary>
    long Rows { get; }

    /// <summary>
    /// All rows in memory in source order, when the source holds them (then <see cref="KMeansModel.Labels"/> is filled
    /// for them); null for a streamed source.
    /// </summary>
    FeatureMatrix? Materialized { get; }

    /// <summary>A seeded random sample of min(<paramref name="rows"/>, <see cref="Rows"/>) rows, without replacement.</summary>
    FeatureMatrix Sample(int rows, int seed, CancellationToken cancellationToken);

    /// <summary>
    /// Pass number <paramref name="epoch"/> over every row, in batches of at most <paramref name="batchSize"/> rows
    /// (the order may depend on <paramref name="seed"/> and <paramref name="epoch"/>).
    /// </summary>
    IEnumerable<FeatureMatrix> Batches(int batchSize, int epoch, int seed, CancellationToken cancellationToken);
}
