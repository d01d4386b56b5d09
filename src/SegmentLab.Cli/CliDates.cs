using System.Globalization;
using SegmentLab.Data;

namespace SegmentLab.Cli;

/// <summary>Parses dates given on the command line.</summary>
internal static class CliDates
{
    public static DateOnly Parse(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new InputException($"{option} '{text}' is not a date in the form yyyy-mm-dd (e.g. 2024-06-30).",
            fix: $"write the date as year-month-day, e.g. {option} 2024-06-30.");
}
