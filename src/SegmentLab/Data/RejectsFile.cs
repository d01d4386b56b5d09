namespace SegmentLab.Data;

/// <summary>Writes rejected rows as CSV: <c>table,file,line,column,reason,raw</c>.</summary>
internal static class RejectsFile
{
    public static void Write(string path, IEnumerable<RejectedRow> rows)
    {
        AtomicFile.WriteText(path, w =>
        {
            w.WriteLine("table,file,line,column,reason,raw");
            foreach (var r in rows)
            {
                w.Write(Csv(r.Table));
                w.Write(',');
                w.Write(Csv(r.File));
                w.Write(',');
                w.Write(r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.Write(',');
                w.Write(Csv(r.Column ?? ""));
                w.Write(',');
                w.Write(Csv(r.Reason));
                w.Write(',');
                w.WriteLine(Csv(r.Raw));
            }
        });
    }

    internal static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
