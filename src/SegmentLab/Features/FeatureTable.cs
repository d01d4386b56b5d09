using Microsoft.Data.Analysis;

namespace SegmentLab.Features;

/// <summary>
/// One row per customer: the engineered features (raw, untransformed), the holdout outcomes and the categorical
/// attributes, as of <see cref="Cutoff"/>. Rows are ordered by customer id. Immutable.
/// </summary>
public sealed class FeatureTable
{
    private readonly Dictionary<string, double[]> _numeric;
    private readonly Dictionary<string, string?[]> _text;

    internal FeatureTable(DateOnly cutoff, DateOnly? holdoutEnd, string sql, string[] customerIds,
        IReadOnlyList<FeatureDefinition> features, IReadOnlyList<FeatureDefinition> outcomes, IReadOnlyList<FeatureDefinition> attributes,
        Dictionary<string, double[]> numeric, Dictionary<string, string?[]> text)
    {
        Cutoff = cutoff;
        HoldoutEnd = holdoutEnd;
        Sql = sql;
        CustomerIds = customerIds;
        Features = features;
        Outcomes = outcomes;
        Attributes = attributes;
        _numeric = numeric;
        _text = text;
        DefaultInputs = features.Where(f => f.DefaultInput).Select(f => f.Name).ToArray();
    }

    /// <summary>Features use data strictly before this date.</summary>
    public DateOnly Cutoff { get; }

    /// <summary>End (exclusive) of the holdout window the outcomes come from, or null without a holdout.</summary>
    public DateOnly? HoldoutEnd { get; }

    /// <summary>The SQL that built the table (<c>segmentlab features --explain-sql</c>).</summary>
    public string Sql { get; }

    /// <summary>Customer ids, one per row, in ascending order.</summary>
    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>Number of customers (rows).</summary>
    public int Rows => CustomerIds.Count;

    /// <summary>The numeric feature columns, in order (templates expanded: share_category_home, email_open_count, …).</summary>
    public IReadOnlyList<FeatureDefinition> Features { get; }

    /// <summary>The holdout outcomes (never clustering inputs); empty without a holdout window.</summary>
    public IReadOnlyList<FeatureDefinition> Outcomes { get; }

    /// <summary>Categorical customer attributes kept as text for profiling.</summary>
    public IReadOnlyList<FeatureDefinition> Attributes { get; }

    /// <summary>The features that feed clustering when the config does not name the inputs.</summary>
    public IReadOnlyList<string> DefaultInputs { get; }

    /// <summary>The values of a numeric feature or outcome column, one per row.</summary>
    /// <exception cref="ArgumentException">No such column; the message lists the columns.</exception>
    public IReadOnlyList<double> this[string name] => Numeric(name);

    /// <summary>The values of a categorical attribute, one per row (null when missing).</summary>
    public IReadOnlyList<string?> Text(string name) =>
        _text.TryGetValue(name, out var v) ? v : throw new ArgumentException($"no categorical attribute '{name}'; there are: {string.Join(", ", _text.Keys)}.", nameof(name));

    /// <summary>True when a numeric column of this name exists.</summary>
    public bool Has(string name) => _numeric.ContainsKey(name);

    /// <summary>A copy with the numeric column <paramref name="name"/> replaced (same length); the other columns are shared.</summary>
    internal FeatureTable WithNumeric(string name, double[] values)
    {
        if (!_numeric.ContainsKey(name) || values.Length != Rows)
        {
            throw new ArgumentException($"'{name}' must be an existing numeric column and the {values.Length} values must number the table's {Rows} rows.", nameof(name));
        }

        var numeric = new Dictionary<string, double[]>(_numeric) { [name] = values };
        return new FeatureTable(Cutoff, HoldoutEnd, Sql, (string[])CustomerIds, Features, Outcomes, Attributes, numeric, _text);
    }

    internal double[] Numeric(string name) =>
        _numeric.TryGetValue(name, out var v) ? v
        : throw new ArgumentException($"no feature '{name}'. Features: {string.Join(", ", Features.Select(f => f.Name))}.", nameof(name));

    /// <summary>The named columns (default: <see cref="DefaultInputs"/>) as a float32 matrix, untransformed.</summary>
    /// <exception cref="ArgumentException">A name is not a feature, or is an outcome (outcomes never feed clustering).</exception>
    public FeatureMatrix ToMatrix(IEnumerable<string>? names = null)
    {
        var cols = (names ?? DefaultInputs).ToArray();
        foreach (string n in cols)
        {
            if (Outcomes.Any(o => o.Name == n))
            {
                throw new ArgumentException($"'{n}' is a holdout outcome; outcomes are never clustering inputs.", nameof(names));
            }
        }

        var sources = cols.Select(Numeric).ToArray();
        var values = new float[Rows * cols.Length];
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < cols.Length; c++)
            {
                values[(r * cols.Length) + c] = (float)sources[c][r];
            }
        }

        return new FeatureMatrix(values, Rows, cols.Length, cols);
    }

    /// <summary>The whole table as a <see cref="DataFrame"/> (customer_id, features, outcomes, attributes) for notebooks.</summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("customer_id", CustomerIds) };
        foreach (var f in Features.Concat(Outcomes))
        {
            columns.Add(new DoubleDataFrameColumn(f.Name, _numeric[f.Name]));
        }

        foreach (var a in Attributes)
        {
            columns.Add(new StringDataFrameColumn(a.Name, _text[a.Name]));
        }

        return new DataFrame(columns);
    }
}
