using SegmentLab.Features;

namespace SegmentLab.Models;

public sealed partial class SegmentModel
{
    /// <summary>
    /// Features the feature SQL fills with the population's mean where they are undefined (see the feature catalog's
    /// edge cases), with the column that says where: the feature is undefined on rows where that column is 0.
    /// </summary>
    /// <remarks>
    /// The population mean is a statistic of whatever data the features are built on, so on new data the filled value
    /// moves with the new population: the customers it stands for would jump between bins (a false drift alarm) and be
    /// scored with a different value than at training. The model stores the training value and puts it back.
    /// </remarks>
    private static readonly (string Feature, string DefinedBy)[] PopulationFilled =
    [
        ("email_open_rate", "received_email"),
        ("email_click_rate", "email_open_count"),
    ];

    /// <summary>
    /// The value each population-filled feature had at training where it was undefined (e.g. <c>email_open_rate</c> of
    /// customers who were sent no email), by feature; empty when no input is such a feature.
    /// </summary>
    public IReadOnlyDictionary<string, double> TrainingFills => _content.Fills ?? new Dictionary<string, double>();

    /// <summary>
    /// <paramref name="table"/> with the training-time fill values where its population-filled inputs are undefined
    /// (see <see cref="TrainingFills"/>), so new customers are scored and compared exactly as training customers were.
    /// Returns the table itself when nothing needs replacing. <see cref="Assign"/> and <see cref="Prepare"/> apply it.
    /// </summary>
    public FeatureTable Align(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var (feature, definedBy) in PopulationFilled)
        {
            if (!TrainingFills.TryGetValue(feature, out double fill) || !table.Has(feature) || !table.Has(definedBy))
            {
                continue;
            }

            double[] values = table.Numeric(feature), defined = table.Numeric(definedBy);
            double[]? aligned = null;
            for (int r = 0; r < values.Length; r++)
            {
                if (defined[r] == 0 && values[r] != fill)
                {
                    aligned ??= (double[])values.Clone();
                    aligned[r] = fill;
                }
            }

            if (aligned is not null)
            {
                table = table.WithNumeric(feature, aligned);
            }
        }

        return table;
    }

    /// <summary>The training fill values of the population-filled inputs (null when there are none).</summary>
    private static Dictionary<string, double>? CaptureFills(FeatureTable table, IReadOnlyCollection<string> inputs)
    {
        Dictionary<string, double>? fills = null;
        foreach (var (feature, definedBy) in PopulationFilled)
        {
            if (!inputs.Contains(feature) || !table.Has(feature) || !table.Has(definedBy))
            {
                continue;
            }

            double[] values = table.Numeric(feature), defined = table.Numeric(definedBy);
            int row = Array.IndexOf(defined, 0d);
            if (row >= 0)
            {
                (fills ??= new Dictionary<string, double>(StringComparer.Ordinal))[feature] = values[row];
            }
        }

        return fills;
    }
}
