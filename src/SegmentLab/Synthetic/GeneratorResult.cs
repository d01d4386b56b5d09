namespace SegmentLab.Synthetic;

/// <summary>What <see cref="SyntheticGenerator.Generate"/> wrote.</summary>
/// <param name="Customers">Customers generated.</param>
/// <param name="TransactionRows">Rows in transactions.csv.</param>
/// <param name="EventRows">Rows in events.csv.</param>
/// <param name="Files">Paths written: transactions, events, customers, truth.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record GeneratorResult(int Customers, long TransactionRows, long EventRows, IReadOnlyList<string> Files, double Seconds);
