using SegmentLab.Models;

namespace SegmentLab.Tests.Models;

/// <summary>The Hungarian method finds the minimum-cost assignment: hand-worked cases and brute force over permutations.</summary>
public sealed class HungarianTests
{
    [Fact]
    public void Hand_worked_three_by_three()
    {
        // Rows 0, 1, 2 take columns 1, 0, 2 for 1 + 2 + 2 = 5; every other permutation costs 6 or more.
        double[] cost =
        [
            4, 1, 3,
            2, 0, 5,
            3, 2, 2,
        ];
        Assert.Equal([1, 0, 2], Hungarian.Solve(cost, 3, 3));
    }

    [Fact]
    public void More_rows_than_columns_leaves_the_costliest_rows_unassigned()
    {
        double[] cost =
        [
            9, 9,
            1, 5,
            5, 1,
        ];
        Assert.Equal([-1, 0, 1], Hungarian.Solve(cost, 3, 2));
    }

    [Fact]
    public void More_columns_than_rows_picks_the_cheapest_columns()
    {
        double[] cost =
        [
            5, 1, 7,
            6, 2, 1,
        ];
        Assert.Equal([1, 2], Hungarian.Solve(cost, 2, 3));
    }

    [Theory]
    [InlineData(1, 4, 4)]
    [InlineData(2, 5, 5)]
    [InlineData(3, 6, 6)]
    [InlineData(4, 3, 6)]
    [InlineData(5, 6, 3)]
    [InlineData(6, 5, 4)]
    public void Matches_brute_force(int seed, int rows, int columns)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 40; trial++)
        {
            var cost = Enumerable.Range(0, rows * columns).Select(_ => Math.Round(rng.NextDouble() * 10, 1)).ToArray();
            int[] got = Hungarian.Solve(cost, rows, columns);
            Assert.Equal(Math.Min(rows, columns), got.Count(c => c >= 0));
            Assert.Equal(got.Where(c => c >= 0).Count(), got.Where(c => c >= 0).Distinct().Count());
            double total = got.Select((c, r) => c < 0 ? 0 : cost[(r * columns) + c]).Sum();
            Assert.Equal(BruteForce(cost, rows, columns), total, 9);
        }
    }

    [Fact]
    public void Rejects_non_finite_costs() =>
        Assert.Throws<ArgumentException>(() => Hungarian.Solve([1, double.NaN], 1, 2));

    private static double BruteForce(double[] cost, int rows, int columns)
    {
        // Assign every row of the smaller side to a distinct index of the larger side.
        bool transpose = rows > columns;
        int small = Math.Min(rows, columns), large = Math.Max(rows, columns);
        double best = double.PositiveInfinity;
        void Go(int i, bool[] used, double sum)
        {
            if (i == small)
            {
                best = Math.Min(best, sum);
                return;
            }

            for (int j = 0; j < large; j++)
            {
                if (!used[j])
                {
                    used[j] = true;
                    Go(i + 1, used, sum + (transpose ? cost[(j * columns) + i] : cost[(i * columns) + j]));
                    used[j] = false;
                }
            }
        }

        Go(0, new bool[large], 0);
        return best;
    }
}
