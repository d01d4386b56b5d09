using System.Globalization;

namespace SegmentLab.Reporting;

public static partial class SegmentReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>customer_id, segment_id, segment_name, distance_to_centroid, silhouette (blank where not computed).</summary>
    private static void WriteAssignments(ReportContext ctx, TextWriter w)
    {
        var ids = ctx.Data.Table.CustomerIds;
        var names = ctx.Profiles.Names.Select(Csv).ToArray();
        var distance = ctx.DistanceToCentroid;
        var silhouette = ctx.SilhouetteOfRow;
        w.WriteLine("customer_id,segment_id,segment_name,distance_to_centroid,silhouette");
        for (int i = 0; i < ids.Count; i++)
        {
            int s = ctx.Labels[i];
            w.Write(Csv(ids[i]));
            w.Write(',');
            w.Write(s.ToString(C));
            w.Write(',');
            w.Write(names[s]);
            w.Write(',');
            w.Write(distance[i].ToString("0.######", C));
            w.Write(',');
            if (!double.IsNaN(silhouette[i]))
            {
                w.Write(silhouette[i].ToString("0.######", C));
            }

            w.WriteLine();
        }
    }

    /// <summary>One segment's customers for activation: id, segment, its key features (raw values) and categorical attributes.</summary>
    private static void WriteSegmentCsv(ReportContext ctx, int segment, TextWriter w)
    {
        var table = ctx.Data.Table;
        var features = ctx.Profiles.KeyFeatures.Where(table.Has).ToArray();
        var columns = features.Select(f => table[f]).ToArray();
        var attributes = table.Attributes.Select(a => a.Name).ToArray();
        var texts = attributes.Select(table.Text).ToArray();
        string name = Csv(ctx.Profiles[segment].Name);
        w.WriteLine(string.Join(',', new[] { "customer_id", "segment_id", "segment_name" }.Concat(features).Concat(attributes).Select(Csv)));
        for (int i = 0; i < table.Rows; i++)
        {
            if (ctx.Labels[i] != segment)
            {
                continue;
            }

            w.Write(Csv(table.CustomerIds[i]));
            w.Write(',');
            w.Write(segment.ToString(C));
            w.Write(',');
            w.Write(name);
            foreach (var column in columns)
            {
                w.Write(',');
                w.Write(column[i].ToString(C));
            }

            foreach (var text in texts)
            {
                w.Write(',');
                w.Write(Csv(text[i] ?? ""));
            }

            w.WriteLine();
        }
    }

    /// <summary>RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
