using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using SegmentLab.Data;

namespace SegmentLab.Synthetic;

/// <summary>
/// Writes a realistic, seeded sample — transactions, engagement events, customers and the latent persona of each
/// customer (truth) — streaming chunk by chunk, so a million customers need no more memory than a few thousand.
/// </summary>
/// <remarks>
/// Files (headers): <c>transactions.csv</c> (customer_id, order_id, timestamp, product_id, category, channel, quantity,
/// unit_price, amount; returns have order ids starting with R and negative quantity and amount),
/// <c>events.csv</c> (customer_id, timestamp, event_type, channel, device, campaign_id), <c>customers.csv</c>
/// (customer_id, signup_date, region, gender, age, segment_type, loyalty_member) and <c>truth.csv</c> (customer_id,
/// persona). With <see cref="GeneratorOptions.Compress"/> each ends in <c>.csv.gz</c>. Rows are grouped by customer.
/// </remarks>
public static class SyntheticGenerator
{
    private const int ChunkSize = 1_000;

    /// <summary>Generates the sample into <paramref name="directory"/> (created when missing); files appear atomically.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one customer, or an end before the start.</exception>
    public static GeneratorResult Generate(GeneratorOptions options, string directory, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Customers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"customers={options.Customers} must be at least 1.");
        }

        if (options.End < options.Start.AddDays(180))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"the window {options.Start:yyyy-MM-dd} to {options.End:yyyy-MM-dd} must span at least 180 days.");
        }

        if (options.PersonaWeights is { } weights && (weights.Values.Any(v => v < 0 || !double.IsFinite(v)) || weights.Values.Sum() <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "persona weights must be finite, non-negative and not all zero.");
        }

        var clock = Stopwatch.StartNew();
        string ext = options.Compress ? ".csv.gz" : ".csv";
        string[] names = ["transactions", "events", "customers", "truth"];
        string[] headers =
        [
            "customer_id,order_id,timestamp,product_id,category,channel,quantity,unit_price,amount",
            "customer_id,timestamp,event_type,channel,device,campaign_id",
            "customer_id,signup_date,region,gender,age,segment_type,loyalty_member",
            "customer_id,persona",
        ];
        var files = names.Select(n => AtomicFile.Create(Path.Combine(directory, n + ext))).ToArray();
        try
        {
            var writers = files.Select(f => new StreamWriter(
                options.Compress ? new GZipStream(f.Stream, CompressionLevel.Fastest, leaveOpen: true) : f.Stream,
                new UTF8Encoding(false), 1 << 20, leaveOpen: !options.Compress) { NewLine = "\n" }).ToArray();
            for (int i = 0; i < writers.Length; i++)
            {
                writers[i].Write(headers[i]);
                writers[i].Write('\n');
            }

            var simulator = new CustomerSimulator(options, new ProductCatalog(options.Seed));
            int threads = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
            int chunks = (options.Customers + ChunkSize - 1) / ChunkSize;
            long txRows = 0, evRows = 0;
            // A batch of chunks is simulated in parallel, then written in order: memory stays bounded by the batch, and
            // each customer's generator depends only on (seed, index), so the bytes do not depend on the thread count.
            int batch = Math.Max(2, threads * 2);
            for (int first = 0; first < chunks; first += batch)
            {
                cancellation.ThrowIfCancellationRequested();
                int count = Math.Min(batch, chunks - first);
                var buffers = new CustomerSimulator.Buffers[count];
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation }, k =>
                {
                    var b = new CustomerSimulator.Buffers();
                    int start = (first + k) * ChunkSize;
                    int end = Math.Min(options.Customers, start + ChunkSize);
                    for (int c = start; c < end; c++)
                    {
                        simulator.Simulate(c, b);
                    }

                    buffers[k] = b;
                });
                foreach (var b in buffers)
                {
                    Write(writers[0], b.Transactions);
                    Write(writers[1], b.Events);
                    Write(writers[2], b.Customers);
                    Write(writers[3], b.Truth);
                    txRows += b.TransactionRows;
                    evRows += b.EventRows;
                }
            }

            // Disposing a writer finishes its gzip stream (which leaves the file open for the commit).
            foreach (var writer in writers)
            {
                writer.Dispose();
            }

            foreach (var f in files)
            {
                f.Commit();
            }

            return new GeneratorResult(options.Customers, txRows, evRows, files.Select(f => f.Path).ToArray(), clock.Elapsed.TotalSeconds);
        }
        finally
        {
            foreach (var f in files)
            {
                f.Dispose();
            }
        }
    }

    private static void Write(StreamWriter w, StringBuilder b)
    {
        foreach (var chunk in b.GetChunks())
        {
            w.Write(chunk.Span);
        }
    }
}
