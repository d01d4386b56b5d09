using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SegmentLab.Data;
using SegmentLab.Features;

namespace SegmentLab.Clustering;

/// <summary>Validation of <see cref="KMeansOptions"/> against the data, once, at the public boundary.</summary>
public static partial class KMeans
{
    /// <summary>Checks the data and options; returns the weights as an array (null when not given).</summary>
    internal static double[]? Validate(FeatureMatrix data, KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (data.Rows == 0 || data.Columns == 0)
        {
            throw new ArgumentException($"k-means needs at least one row and one column; the data is {data.Rows} × {data.Columns}.", nameof(data));
        }

        CheckFinite(data);
        if (options.K < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"k={options.K} must be at least 1.");
        }

        if (options.NInit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"NInit={options.NInit} must be at least 1.");
        }

        if (options.MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"MaxIterations={options.MaxIterations} must be at least 1.");
        }

        if (!(options.Tolerance >= 0) || double.IsInfinity(options.Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Tolerance={options.Tolerance} must be a finite number ≥ 0.");
        }

        if (options.MaxDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"MaxDegreeOfParallelism={options.MaxDegreeOfParallelism} must be at least 1 (or null for all processors).");
        }

        double[]? weights = CheckWeights(data, options.SampleWeights);
        if (options.InitialCentroids is { } start)
        {
            if (start.Rows != options.K || start.Columns != data.Columns)
            {
                throw new ArgumentException($"InitialCentroids is {start.Rows} × {start.Columns} but k={options.K} centroids over the data's {data.Columns} columns are needed.", nameof(options));
            }

            foreach (float v in start.Values)
            {
                if (!float.IsFinite(v))
                {
                    throw new ArgumentException($"InitialCentroids holds {v}; every value must be finite.", nameof(options));
                }
            }
        }

        if (options.K > data.Rows)
        {
            throw new ArgumentException($"k={options.K} must be ≤ the {data.Rows} rows.", nameof(options));
        }

        int distinct = CountDistinctRows(data, weights, options.K);
        if (distinct < options.K)
        {
            string which = weights is null ? "distinct rows" : "distinct rows with a positive weight";
            throw new ArgumentException($"k={options.K} must be ≤ the {distinct} {which}.", nameof(options));
        }

        return weights;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckFinite(FeatureMatrix data)
    {
        // x − x is 0 for finite x and NaN for NaN and ±∞: one vector test per 8 values, the scalar scan only to report.
        ReadOnlySpan<float> x = data.Values;
        int i = 0;
        for (; i + 8 <= x.Length; i += 8)
        {
            var v = Vector256.Create(x.Slice(i, 8));
            if (!Vector256.EqualsAll(v - v, Vector256<float>.Zero))
            {
                break;
            }
        }

        for (; i < x.Length; i++)
        {
            if (!float.IsFinite(x[i]))
            {
                int row = i / data.Columns;
                throw new InputException($"row {row} holds {x[i]}; k-means needs finite values.",
                    column: data.ColumnNames[i % data.Columns], fix: "impute or drop missing values before clustering.");
            }
        }

        // Squared distances are float32: beyond ~10¹⁸ per value they overflow to ∞ and every assignment is wrong.
        if (x.Length > 0 && System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(x) is var max && Math.Abs(max) > MaxMagnitude)
        {
            int at = System.Numerics.Tensors.TensorPrimitives.IndexOfMaxMagnitude(x);
            throw new InputException($"row {at / data.Columns} holds {x[at]:G3}; k-means works in float32, whose squared distances overflow beyond ±{MaxMagnitude:G1}.",
                column: data.ColumnNames[at % data.Columns], fix: "scale the features first (features.transforms.scaling \"standard\" or \"robust\", or divide the column).");
        }
    }

    /// <summary>The largest |value| k-means accepts: (2·10¹⁸)² × 85 columns still fits in float32.</summary>
    private const float MaxMagnitude = 1e18f;

    private static double[]? CheckWeights(FeatureMatrix data, IReadOnlyList<double>? sampleWeights)
    {
        if (sampleWeights is null)
        {
            return null;
        }

        if (sampleWeights.Count != data.Rows)
        {
            throw new ArgumentException($"SampleWeights has {sampleWeights.Count} values for {data.Rows} rows.", "options");
        }

        var weights = sampleWeights.ToArray();
        double total = 0;
        for (int r = 0; r < weights.Length; r++)
        {
            if (!(weights[r] >= 0) || double.IsInfinity(weights[r]))
            {
                throw new ArgumentException($"SampleWeights[{r}]={weights[r]} must be a finite number ≥ 0.", "options");
            }

            total += weights[r];
        }

        if (total <= 0)
        {
            throw new ArgumentException("SampleWeights are all 0; at least one row needs a positive weight.", "options");
        }

        return weights;
    }

    /// <summary>Distinct rows (with positive weight), counting only up to <paramref name="enough"/>.</summary>
    private static int CountDistinctRows(FeatureMatrix data, double[]? weights, int enough)
    {
        var seen = new HashSet<int>(new RowComparer(data));
        for (int r = 0; r < data.Rows && seen.Count < enough; r++)
        {
            if (weights is null || weights[r] > 0)
            {
                seen.Add(r);
            }
        }

        return seen.Count;
    }

    /// <summary>Compares rows by value (−0 equals +0).</summary>
    private sealed class RowComparer(FeatureMatrix data) : IEqualityComparer<int>
    {
        public bool Equals(int a, int b)
        {
            ReadOnlySpan<float> x = data.Row(a), y = data.Row(b);
            for (int f = 0; f < x.Length; f++)
            {
                if (x[f] != y[f])
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(int row)
        {
            var h = new HashCode();
            foreach (float v in data.Row(row))
            {
                h.Add(v + 0f);
            }

            return h.ToHashCode();
        }
    }
}
