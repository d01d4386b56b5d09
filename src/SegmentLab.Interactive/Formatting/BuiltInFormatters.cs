using System.Collections;
using Microsoft.Data.Analysis;
using Plotly.NET;
using SegmentLab.Features;

namespace SegmentLab.Interactive.Formatting;

/// <summary>The formatters every kernel session starts with.</summary>
internal static class BuiltInFormatters
{
    public static void RegisterAll(FormatterRegistry registry)
    {
        registry.Register(typeof(object), value => MimeBundle.PlainText(PlainText.Describe(value)));
        registry.Register<string>(MimeBundle.PlainText);
        registry.Register<IEnumerable>(sequence => TableSources.FromSequence(sequence, registry.MaxRows)?.ToBundle()
            ?? MimeBundle.PlainText(PlainText.Collection(sequence)));
        registry.Register<DataFrame>(frame => TableSources.FromDataFrame(frame, registry.MaxRows).ToBundle());
        registry.Register<FeatureTable>(table => TableSources.FromFeatureTable(table, registry.MaxRows).ToBundle());
        registry.Register<FeatureMatrix>(matrix => TableSources.FromFeatureMatrix(matrix, registry.MaxRows).ToBundle());
        registry.Register<GenericChart>(PlotlyFormatter.Format);
        SegmentFormatters.RegisterAll(registry);
    }
}
