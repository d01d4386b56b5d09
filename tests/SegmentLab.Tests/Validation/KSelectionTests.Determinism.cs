using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

public sealed partial class KSelectionTests
{
    /// <summary>Collects reports on the reporting thread (Progress&lt;T&gt; would post them to the pool, out of order).</summary>
    private sealed class Recorder(Action<double>? onReport = null) : IProgress<double>
    {
        public List<double> Values { get; } = [];

        public void Report(double value)
        {
            lock (Values)
            {
                Values.Add(value);
            }

            onReport?.Invoke(value);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_sweep_whatever_the_thread_count()
    {
        var (data, _) = Blobs(50);
        var options = Fast with { MaxK = 6 };
        var one = KSelection.Sweep(data, options with { MaxDegreeOfParallelism = 1 });
        var three = KSelection.Sweep(data, options with { MaxDegreeOfParallelism = 3 });
        var all = KSelection.Sweep(data, options);
        var other = KSelection.Sweep(data, options with { Seed = 4 });
        foreach (var r in new[] { three, all })
        {
            Assert.Equal(one.Candidates.Select(c => c.Inertia), r.Candidates.Select(c => c.Inertia));
            Assert.Equal(one.Candidates.Select(c => c.Silhouette), r.Candidates.Select(c => c.Silhouette));
            Assert.Equal(one.Candidates.Select(c => c.Gap), r.Candidates.Select(c => c.Gap));
            Assert.Equal(one.Candidates.Select(c => c.GapStandardError), r.Candidates.Select(c => c.GapStandardError));
            Assert.Equal(one.Candidates.SelectMany(c => c.Model.Labels), r.Candidates.SelectMany(c => c.Model.Labels));
            Assert.Equal(one.Reason, r.Reason);
        }

        Assert.NotEqual(one.Candidates.Select(c => c.Gap), other.Candidates.Select(c => c.Gap));
    }

    [Fact]
    public void Progress_rises_from_0_to_1_once_per_work_item()
    {
        var (data, _) = Blobs(30);
        var recorder = new Recorder();
        KSelection.Sweep(data, Fast with { MaxK = 5, GapReferences = 3 }, recorder);
        var v = recorder.Values;
        Assert.Equal(1 + 4 + 3, v.Count);   // the start, one per k, one per reference set
        Assert.Equal(0, v[0]);
        Assert.Equal(1, v[^1]);
        Assert.True(v.Zip(v.Skip(1)).All(p => p.First <= p.Second), string.Join(", ", v));
    }

    [Fact]
    public void Cancellation_stops_the_sweep()
    {
        var (data, _) = Blobs(30);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => KSelection.Sweep(data, Fast, ct: cancelled.Token));

        // Cancelled part-way, from the first progress report after the start.
        using var midway = new CancellationTokenSource();
        var recorder = new Recorder(p =>
        {
            if (p > 0)
            {
                midway.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => KSelection.Sweep(data, Fast with { MaxDegreeOfParallelism = 1 }, recorder, midway.Token));
        Assert.True(recorder.Values.Count < 1 + 6 + 8, $"{recorder.Values.Count} reports: the sweep ran to the end");
    }
}
