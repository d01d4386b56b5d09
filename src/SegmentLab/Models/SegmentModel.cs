using System.Text.Json;
using SegmentLab.Clustering;
using SegmentLab.Data;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Validation;

namespace SegmentLab.Models;

/// <summary>
/// A fitted segmentation that can be saved, loaded and applied to new customers: the feature spec and the config's
/// feature settings, the fitted transforms (log1p, winsorizing, scaling), PCA when used, the centroids, the segments'
/// stable ids and names, and the training baseline (metrics, feature distributions for PSI, segment means, each
/// training customer's segment) with a fingerprint of the training data. Immutable.
/// </summary>
/// <remarks>
/// <para>File format (<c>*.segmodel.json</c>, <see cref="Save"/> / <see cref="Load"/>): UTF-8 JSON
/// <c>{ "format": "segmentlab-model", "schemaVersion": 1, "createdAt": …, "checksum": "sha256:…", "model": { … } }</c>.
/// The checksum is the SHA-256 of the schema version and the compact JSON of <c>model</c>; loading recomputes it, so an
/// edited or damaged file is refused. <c>createdAt</c> is outside the checksum on purpose: refitting the same data with
/// the same settings gives the same checksum, so the checksum identifies the model's content.</para>
/// <para>Size: dominated by the training assignments (customer id and label), about 15–25 bytes a customer — some
/// 2 MB for 100,000 customers. Fine into the low millions; beyond that, the ARI of returning customers is the only
/// thing that needs them.</para>
/// </remarks>
public sealed partial class SegmentModel
{
    /// <summary>The schema version this code writes and the newest it reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The conventional file-name ending, <c>.segmodel.json</c>.</summary>
    public const string FileExtension = ".segmodel.json";

    private readonly SegmentModelContent _content;
    private readonly KMeansModel _kmeans;

    private SegmentModel(SegmentModelContent content, int schemaVersion, DateTimeOffset createdAt, string checksum)
    {
        _content = content;
        SchemaVersion = schemaVersion;
        CreatedAt = createdAt;
        Checksum = checksum;
        Features = JsonSerializer.Deserialize<FeatureSettings>(content.Features, ConfigReader.Options)!;
        Segmentation = JsonSerializer.Deserialize<SegmentationSettings>(content.Segmentation, ConfigReader.Options)!;
        Transform = new FeatureTransform(content.Transform.Columns, content.Transform.Dropped, content.Transform.Correlated);
        Pca = content.Pca is { } p ? ToPca(p) : null;
        Centroids = ToMatrix(content.Centroids);
        BaselineCentroids = ToMatrix(content.BaselineCentroids);
        _kmeans = KMeansModel.FromCentroids(Centroids);
    }

    /// <summary>The file's schema version (≤ <see cref="CurrentSchemaVersion"/>).</summary>
    public int SchemaVersion { get; }

    /// <summary>When the model was fitted (UTC). Not covered by <see cref="Checksum"/>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><c>sha256:</c> and 64 hex digits: the hash of the schema version and the content (everything but <see cref="CreatedAt"/>).</summary>
    public string Checksum { get; }

    /// <summary>The SegmentLab version that fitted the model.</summary>
    public string LibraryVersion => _content.LibraryVersion;

    /// <summary>The config's <c>features</c> section used for training, with the cutoff resolved; re-validation rebuilds features with it.</summary>
    public FeatureSettings Features { get; }

    /// <summary>The <c>segmentation</c> settings the model was fitted with.</summary>
    public SegmentationSettings Segmentation { get; }

    /// <summary>The raw features (by name) the model reads, in order: the feature spec.</summary>
    public IReadOnlyList<string> Inputs => _content.Inputs;

    /// <summary>The fitted transforms of the inputs (log1p, clip, centre, scale per kept column).</summary>
    public FeatureTransform Transform { get; }

    /// <summary>The PCA applied after the transform, or null when clustering used the transformed features directly.</summary>
    public PcaModel? Pca { get; }

    /// <summary>The centroids, K × D in the clustering space (transformed features, or PCA scores); row = label.</summary>
    public FeatureMatrix Centroids { get; }

    /// <summary>Number of segments.</summary>
    public int K => Centroids.Rows;

    /// <summary>The segments, by label (centroid row): stable id, name, size, share, silhouette, lift.</summary>
    public IReadOnlyList<ModelSegment> Segments => _content.Segments;

    /// <summary>The stable id the next new segment will get on a refit (ids are never reused).</summary>
    public int NextSegmentId => _content.NextSegmentId;

    /// <summary>Fit-time metrics: silhouette, sizes and shares, lift summary, verdict.</summary>
    public BaselineMetrics Baseline => _content.Baseline;

    /// <summary>Decile bins of each raw input on the training data, for PSI.</summary>
    public FeatureDistribution BaselineDistribution => _content.Distribution;

    /// <summary>Mean of each segment's training customers in the clustering space (K × D), for centroid shift.</summary>
    public FeatureMatrix BaselineCentroids { get; }

    /// <summary>Training customer ids, in training row order.</summary>
    public IReadOnlyList<string> BaselineCustomerIds => _content.Assignments.CustomerIds;

    /// <summary>Each training customer's label, parallel to <see cref="BaselineCustomerIds"/>.</summary>
    public IReadOnlyList<int> BaselineLabels => _content.Assignments.Labels;

    /// <summary>What identifies the training data.</summary>
    public TrainingFingerprint Training => _content.Training;

    /// <summary>How the segments relate to a previous model's, when fitted with one; else null.</summary>
    public SegmentLineage? Lineage => _content.Lineage;

    /// <summary>The segment names by label.</summary>
    public IReadOnlyList<string> Names => Segments.Select(s => s.Name).ToArray();

    /// <summary>The label of the segment with stable id <paramref name="id"/>, or −1.</summary>
    public int LabelOf(int id)
    {
        for (int i = 0; i < Segments.Count; i++)
        {
            if (Segments[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A predict-only k-means model over <see cref="Centroids"/>.</summary>
    public KMeansModel ToKMeans() => _kmeans;

    /// <summary>
    /// The clustering-space rows of <paramref name="table"/>: its inputs (population-filled values put back to their
    /// training values, see <see cref="Align"/>), transformed exactly as at training, then projected on the PCA when
    /// there is one. Rows × D, in the table's row order.
    /// </summary>
    /// <exception cref="InputException">The table lacks an input the model reads, or a value becomes non-finite under the transform.</exception>
    public FeatureMatrix Prepare(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var missing = Inputs.Where(i => !table.Has(i)).ToArray();
        if (missing.Length > 0)
        {
            throw new InputException(
                $"the data has no feature {string.Join(", ", missing.Select(m => $"'{m}'"))}, which the model was fitted on.",
                fix: "build the features with the model's settings (segmentlab validate and assign do); a category, channel or event-type column exists only when the new data has it among its top values — name such inputs only if they are stable, or refit with segmentlab fit.");
        }

        var transformed = Transform.Apply(Align(table).ToMatrix(Inputs));
        return Pca is null ? transformed : Pca.Transform(transformed);
    }

    /// <summary>
    /// Scores <paramref name="table"/>'s customers: the training-time transforms and PCA, then the nearest centroid
    /// (ties to the lowest label), with the distance to it.
    /// </summary>
    /// <exception cref="InputException">As for <see cref="Prepare"/>.</exception>
    public SegmentAssignment Assign(FeatureTable table)
    {
        var x = Prepare(table);
        var labels = _kmeans.Predict(x);
        var distances = _kmeans.Transform(x);
        var nearest = new double[x.Rows];
        for (int r = 0; r < x.Rows; r++)
        {
            nearest[r] = distances[r, labels[r]];
        }

        return new SegmentAssignment(table.Cutoff, table.CustomerIds, labels, nearest, Segments.Select(s => s.Id).ToArray(), Names, x);
    }

    /// <summary>A copy with segments renamed (by stable id); ids without an entry keep their names. The checksum changes.</summary>
    /// <exception cref="ArgumentException">An id is not one of the model's segments, or a name is blank.</exception>
    public SegmentModel WithNames(IReadOnlyDictionary<int, string> namesById)
    {
        ArgumentNullException.ThrowIfNull(namesById);
        foreach (var (id, name) in namesById)
        {
            if (LabelOf(id) < 0)
            {
                throw new ArgumentException($"the model has no segment with id {id}; ids: {string.Join(", ", Segments.Select(s => s.Id))}.", nameof(namesById));
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"the name for segment {id} is blank.", nameof(namesById));
            }
        }

        var segments = Segments.Select(s => namesById.TryGetValue(s.Id, out var n) ? s with { Name = n } : s).ToArray();
        return FromContent(_content with { Segments = segments }, CreatedAt);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"SegmentModel: {K} segments on {Inputs.Count} inputs{(Pca is null ? "" : $" ({Pca.Components} principal components)")}, trained on {Training.Customers:N0} customers as of {Training.Cutoff:yyyy-MM-dd}, {Checksum[..19]}…";

    private static PcaModel ToPca(SegmentModelContent.PcaPart p)
    {
        int dims = p.Mean.Count, components = p.Components.Count;
        var vectors = new double[components * dims];
        for (int c = 0; c < components; c++)
        {
            for (int d = 0; d < dims; d++)
            {
                vectors[(c * dims) + d] = p.Components[c][d];
            }
        }

        return new PcaModel(p.FeatureNames.ToArray(), p.Mean.ToArray(), vectors, p.ExplainedVariance.ToArray(), p.TotalVariance,
            p.TrainingRows, components, p.Whiten);
    }

    private static FeatureMatrix ToMatrix(SegmentModelContent.MatrixPart m)
    {
        int cols = m.Columns.Count;
        var values = new float[m.Rows.Count * cols];
        for (int r = 0; r < m.Rows.Count; r++)
        {
            if (m.Rows[r].Count != cols)
            {
                throw new InputException($"a matrix row of the model has {m.Rows[r].Count} values for {cols} columns: the file is damaged.");
            }

            for (int c = 0; c < cols; c++)
            {
                values[(r * cols) + c] = m.Rows[r][c];
            }
        }

        return new FeatureMatrix(values, m.Rows.Count, cols, m.Columns.ToArray());
    }
}
