using System.Globalization;
using SegmentLab.Decomposition;
using SegmentLab.Features;
using SegmentLab.Profiling;

namespace SegmentLab.Reporting;

/// <summary>
/// The checked inputs of one report and what several outputs share: labels, per-row silhouette, distances to the
/// centroid, and the summary sentences the HTML and Markdown both print.
/// </summary>
internal sealed class ReportContext
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private readonly Lazy<double[]> _distances;
    private readonly Lazy<double[]> _silhouette;

    public ReportContext(SegmentReportData data, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        Data = data;
        Options = options;
        int n = data.Table.Rows;
        if (data.Clustered.Rows != n || data.Model.Labels.Count != n || data.Profiles.Labels.Count != n)
        {
            throw new ArgumentException(
                $"the table has {n} rows, the clustered matrix {data.Clustered.Rows}, the model labels {data.Model.Labels.Count} and the profiles {data.Profiles.Labels.Count}; they must be the same customers.",
                nameof(data));
        }

        if (data.Model.Centroids.Columns != data.Clustered.Columns)
        {
            throw new ArgumentException($"the model's centroids have {data.Model.Centroids.Columns} columns but the clustered matrix has {data.Clustered.Columns}.", nameof(data));
        }

        if (data.Profiles.Count != data.Model.K)
        {
            throw new ArgumentException($"the profiles describe {data.Profiles.Count} segments but the model has k={data.Model.K}.", nameof(data));
        }

        if (data.Silhouette is { } s && s.SampleRows.Count > 0 && s.SampleRows[^1] >= n)
        {
            throw new ArgumentException($"the silhouette scored row {s.SampleRows[^1]} but there are {n} rows.", nameof(data));
        }

        Labels = data.Model.Labels;
        _distances = new Lazy<double[]>(Distances);
        _silhouette = new Lazy<double[]>(SilhouetteByRow);
    }

    public SegmentReportData Data { get; }

    public ReportOptions Options { get; }

    public IReadOnlyList<int> Labels { get; }

    public SegmentProfiles Profiles => Data.Profiles;

    /// <summary>Euclidean distance of each row to its segment's centroid, in the clustered space.</summary>
    public double[] DistanceToCentroid => _distances.Value;

    /// <summary>Silhouette per row; NaN where it was not computed (no silhouette, or a row outside the sample).</summary>
    public double[] SilhouetteOfRow => _silhouette.Value;

    /// <summary>The PCA for the scatter: the given one, else a 2-component fit on the clustered matrix.</summary>
    public PcaModel Pca => Data.Pca ?? SegmentCharts.FitPca(Data.Clustered);

    /// <summary>"2009-12-01 to 2010-12-09 (transactions); features from data before 2010-12-10; holdout to …".</summary>
    public string DataWindow
    {
        get
        {
            var parts = new List<string>();
            if (Data.Quality?["transactions"] is { FirstTimestamp: { } first, LastTimestamp: { } last })
            {
                parts.Add($"transactions from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}");
            }

            parts.Add($"features from data before {Data.Table.Cutoff:yyyy-MM-dd}");
            parts.Add(Data.Table.HoldoutEnd is { } h ? $"holdout outcomes from {Data.Table.Cutoff:yyyy-MM-dd} to {h.AddDays(-1):yyyy-MM-dd}" : "no holdout window");
            return string.Join("; ", parts);
        }
    }

    /// <summary>The clustering inputs and how they were transformed.</summary>
    public string FeaturesUsed
    {
        get
        {
            var names = Data.Clustered.ColumnNames;
            string text = $"{names.Count} features: {string.Join(", ", names)}";
            if (Data.Transform is { } t)
            {
                var logged = t.Columns.Where(c => c.Log).Select(c => c.Name).ToArray();
                var notes = new List<string>();
                if (logged.Length > 0)
                {
                    notes.Add($"log1p on {string.Join(", ", logged)}");
                }

                if (t.Columns.Any(c => double.IsFinite(c.Low) || double.IsFinite(c.High)))
                {
                    notes.Add("winsorized");
                }

                notes.Add(t.Columns.All(c => c.Scale == 1 && c.Center == 0) ? "not scaled" : "scaled");
                if (t.Dropped.Count > 0)
                {
                    notes.Add($"dropped as constant: {string.Join(", ", t.Dropped)}");
                }

                text += $" ({string.Join("; ", notes)})";
            }

            return text;
        }
    }

    /// <summary>"k = 6: …" with the sweep's reason, or a note that k was fixed.</summary>
    public string KAndWhy => Data.KSelection is { } r
        ? r.RecommendedK == Data.Model.K && r.Reason.StartsWith($"k = {r.RecommendedK}:", StringComparison.Ordinal)
            ? r.Reason
            : $"k = {Data.Model.K} (the sweep recommended {r.RecommendedK}). Sweep: {r.Reason}"
        : $"k = {Data.Model.K}, as configured (no k sweep in this report).";

    public static string Format(double x, string format) => double.IsFinite(x) ? x.ToString(format, C) : "";

    /// <summary>The file-name slug of a segment name: lower-case letters and digits joined by hyphens, at most 40 characters.</summary>
    public static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray();
        string slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        return slug.Length == 0 ? "segment" : slug;
    }

    private double[] Distances()
    {
        var x = Data.Clustered;
        var centroids = Data.Model.Centroids;
        var result = new double[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            var centre = centroids.Row(Labels[i]);
            double sum = 0;
            for (int j = 0; j < row.Length; j++)
            {
                double d = row[j] - (double)centre[j];
                sum += d * d;
            }

            result[i] = Math.Sqrt(sum);
        }

        return result;
    }

    private double[] SilhouetteByRow()
    {
        var result = new double[Data.Table.Rows];
        Array.Fill(result, double.NaN);
        if (Data.Silhouette is { } s)
        {
            for (int i = 0; i < s.SampleRows.Count; i++)
            {
                result[s.SampleRows[i]] = s.Samples[i];
            }
        }

        return result;
    }
}
