using SegmentLab.Validation;

namespace SegmentLab.Tests.Validation;

/// <summary>
/// The kneedle detector on the examples the reference implementation (kneed, tests/test_sample.py) documents, plus a
/// hand-worked difference curve.
/// </summary>
public sealed class KneedleTests
{
    private static readonly double[] Ten = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void Figure_2_of_the_paper_has_its_knee_at_0_22()
    {
        // kneed's DataGenerator.figure2: x = linspace(0, 1, 10), y = −1 / (x + 0.1) + 5; knee 0.222, knee_y 1.897.
        var x = Enumerable.Range(0, 10).Select(i => i / 9.0).ToArray();
        var y = x.Select(v => (-1 / (v + 0.1)) + 5).ToArray();
        var knee = Kneedle.Find(x, y, Kneedle.Curve.Concave, increasing: true);
        Assert.Equal(2 / 9.0, knee!.Value, 12);
        Assert.Equal(1.8966, y[2], 4);
    }

    [Theory]
    // kneed's four shapes (DataGenerator) and their documented knees.
    [InlineData(false, true, new double[] { 0, 60, 80, 85, 90, 95, 96, 97, 98, 99 }, 2)]
    [InlineData(false, false, new double[] { 99, 98, 97, 96, 95, 90, 85, 80, 60, 0 }, 7)]
    [InlineData(true, true, new double[] { 1, 2, 3, 4, 5, 10, 15, 20, 40, 100 }, 7)]
    [InlineData(true, false, new double[] { 100, 40, 20, 15, 10, 5, 4, 3, 2, 1 }, 2)]
    public void The_four_shapes_give_kneeds_documented_knees(bool convex, bool increasing, double[] y, double expected)
    {
        Assert.Equal(expected, Kneedle.Find(Ten, y, convex ? Kneedle.Curve.Convex : Kneedle.Curve.Concave, increasing));
    }

    [Theory]
    // Truncated versions (last three points dropped, both axes / 10): kneed's *_truncated tests.
    [InlineData(false, true, new double[] { 0, 60, 80, 85, 90, 95, 96, 97, 98, 99 }, 0.2)]
    [InlineData(false, false, new double[] { 99, 98, 97, 96, 95, 90, 85, 80, 60, 0 }, 0.4)]
    [InlineData(true, true, new double[] { 1, 2, 3, 4, 5, 10, 15, 20, 40, 100 }, 0.4)]
    [InlineData(true, false, new double[] { 100, 40, 20, 15, 10, 5, 4, 3, 2, 1 }, 0.2)]
    public void Truncated_shapes_give_kneeds_documented_knees(bool convex, bool increasing, double[] y, double expected)
    {
        var x = Ten.Take(7).Select(v => v / 10).ToArray();
        var knee = Kneedle.Find(x, y.Take(7).Select(v => v / 10).ToArray(), convex ? Kneedle.Curve.Convex : Kneedle.Curve.Concave, increasing);
        Assert.Equal(expected, knee!.Value, 12);
    }

    [Fact]
    public void A_flat_maximum_needs_the_sensitivity_to_pass_it()
    {
        // kneed's test_flat_maxima: S = 0 stops at the first local maximum (x = 1), S = 1 at the global one (x = 8).
        double[] y =
        [
            1, 0.787701317715959, 0.7437774524158126, 0.6559297218155198, 0.5065885797950219, 0.36749633967789164,
            0.2547584187408492, 0.16251830161054173, 0.10395314787701318, 0.06734992679355783, 0.043923865300146414,
            0.027818448023426062, 0.01903367496339678, 0.013177159590043924, 0.010248901903367497, 0.007320644216691069,
            0.005856515373352855, 0.004392386530014641,
        ];
        var x = Enumerable.Range(0, 18).Select(i => (double)i).ToArray();
        Assert.Equal(1, Kneedle.Find(x, y, Kneedle.Curve.Convex, increasing: false, sensitivity: 0));
        Assert.Equal(8, Kneedle.Find(x, y, Kneedle.Curve.Convex, increasing: false, sensitivity: 1));
    }

    [Fact]
    public void A_hand_worked_inertia_curve_has_its_elbow_where_the_difference_curve_peaks()
    {
        // k = 2..6, inertia 100, 40, 30, 25, 22. Normalised: x = 0, .25, .5, .75, 1; 1 − y = 0, .769, .897, .962, 1;
        // difference = 0, .519, .397, .212, 0: one maximum at k = 3, threshold .519 − 1 × .25 = .269, and the next
        // point (.397) is above it but the one after (.212) is below: the knee is k = 3.
        Assert.Equal(3, Kneedle.Find([2, 3, 4, 5, 6], [100, 40, 30, 25, 22], Kneedle.Curve.Convex, increasing: false));
    }

    [Fact]
    public void No_knee_on_a_short_a_flat_or_a_straight_curve()
    {
        // kneed's test_y_no_knee: three points of a gentle exponential decay.
        Assert.Null(Kneedle.Find([1, 2, 3], [0.90483742, 0.81873075, 0.74081822], Kneedle.Curve.Convex, increasing: false));
        Assert.Null(Kneedle.Find([1, 2, 3, 4], [5, 5, 5, 5], Kneedle.Curve.Convex, increasing: false));
        Assert.Null(Kneedle.Find([1, 2], [5, 1], Kneedle.Curve.Convex, increasing: false));
        Assert.Null(Kneedle.Find([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], Kneedle.Curve.Convex, increasing: false));
    }
}
