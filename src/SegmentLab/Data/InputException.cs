namespace SegmentLab.Data;

/// <summary>
/// Bad input from the analyst — a missing file, a missing column, an unparseable value, a wrong setting — described in
/// plain English with where it is and how to fix it. The command line prints <see cref="Exception.Message"/> (never a
/// stack trace) and exits with code 2.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="problem">What is wrong, quoting the offending value.</param>
    /// <param name="file">The file it is in, if any.</param>
    /// <param name="line">1-based line in <paramref name="file"/>, if known.</param>
    /// <param name="column">The column (by name) concerned, if any.</param>
    /// <param name="fix">What the analyst should do about it.</param>
    public InputException(string problem, string? file = null, long? line = null, string? column = null, string? fix = null)
        : base(Compose(problem, file, line, column, fix))
    {
        Problem = problem;
        File = file;
        Line = line;
        Column = column;
        Fix = fix;
    }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>The file concerned, or null.</summary>
    public string? File { get; }

    /// <summary>1-based line number in <see cref="File"/>, or null.</summary>
    public long? Line { get; }

    /// <summary>The column concerned, or null.</summary>
    public string? Column { get; }

    /// <summary>How to fix it, or null.</summary>
    public string? Fix { get; }

    private static string Compose(string problem, string? file, long? line, string? column, string? fix)
    {
        var where = new List<string>();
        if (file is not null)
        {
            where.Add(file);
        }

        if (line is not null)
        {
            where.Add($"line {line}");
        }

        if (column is not null)
        {
            where.Add($"column '{column}'");
        }

        string text = where.Count > 0 ? $"{string.Join(", ", where)}: {problem}" : problem;
        return fix is null ? text : $"{text}\nFix: {fix}";
    }
}
