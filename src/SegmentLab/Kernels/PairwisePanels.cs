namespace SegmentLab.Kernels;

/// <summary>
/// The "column" side of the blocked pairwise-distance kernel, packed like the B panel of a GEMM: rows grouped by
/// segment, each segment cut into panels of <see cref="Width"/> rows, each panel stored dimension-major
/// (<c>Dims × Width</c> floats) so the micro-kernel reads its three vectors per dimension contiguously. Segments start on
/// a fresh panel, so every panel belongs to one segment; the last panel of a segment is padded with lanes whose norm
/// is −∞ and scaled norm +∞: their squared distance is −∞, which the micro-kernel's close-pair test always flags and
/// zeroes, so they add nothing (no mask, no clamp in the hot path).
/// </summary>
/// <remarks>
/// Values are the centred rows times −2, so the micro-kernel's accumulator, started at ‖x‖² + ‖y‖², ends at
/// ‖x − y‖² after one FMA per dimension. Memory: about <c>rows × Dims</c> floats plus two floats and an int per lane.
/// </remarks>
internal sealed class PairwisePanels
{
    private PairwisePanels(int width, int dims, int panelCount, int[] segmentFirstPanel)
    {
        Width = width;
        Dims = dims;
        PanelCount = panelCount;
        Y = new float[panelCount * dims * width];
        Norms = new float[panelCount * Width];
        ScaledNorms = new float[panelCount * Width];
        RowOf = new int[panelCount * width];
        PanelMaxScaledNorm = new float[panelCount];
        SegmentFirstPanel = segmentFirstPanel;
    }

    /// <summary>Lanes per panel (<see cref="PairwiseDistanceSums.PreferredWidth"/> unless a test asks otherwise).</summary>
    public int Width { get; }

    /// <summary>Columns of the packed rows.</summary>
    public int Dims { get; }

    /// <summary>Number of panels.</summary>
    public int PanelCount { get; }

    /// <summary>Panel p, dimension d, lane l at <c>((p × Dims) + d) × Width + l</c>: −2 × the centred value (0 for padding).</summary>
    public float[] Y { get; }

    /// <summary>‖centred row‖² per lane (−∞ for padding).</summary>
    public float[] Norms { get; }

    /// <summary><see cref="PairwiseDistanceSums.CancellationRatio"/> × <see cref="Norms"/> per lane (+∞ for padding, so the exact test always flags it).</summary>
    public float[] ScaledNorms { get; }

    /// <summary>Largest <see cref="ScaledNorms"/> entry of each panel (the micro-kernel's cheap close-pair screen).</summary>
    public float[] PanelMaxScaledNorm { get; }

    /// <summary>Original row index of each lane, −1 for padding.</summary>
    public int[] RowOf { get; }

    /// <summary>Segment s owns panels <c>[SegmentFirstPanel[s], SegmentFirstPanel[s + 1])</c>; length segments + 1.</summary>
    public int[] SegmentFirstPanel { get; }

    /// <summary>Packs the rows of each segment.</summary>
    /// <param name="centred">Centred rows, row-major <c>n × dims</c>.</param>
    /// <param name="norms">‖centred row‖² per row (float32 of a float64 sum).</param>
    /// <param name="dims">Columns.</param>
    /// <param name="order">Row indexes grouped by segment (segment s is <c>order[segmentStart[s]..segmentStart[s + 1]]</c>).</param>
    /// <param name="segmentStart">Prefix offsets into <paramref name="order"/>, length segments + 1.</param>
    /// <param name="width">Lanes per panel; default <see cref="PairwiseDistanceSums.PreferredWidth"/>.</param>
    public static PairwisePanels Pack(float[] centred, float[] norms, int dims, int[] order, int[] segmentStart, int? width = null)
    {
        int w = width ?? PairwiseDistanceSums.PreferredWidth;
        int segments = segmentStart.Length - 1;
        var first = new int[segments + 1];
        for (int s = 0; s < segments; s++)
        {
            int size = segmentStart[s + 1] - segmentStart[s];
            first[s + 1] = first[s] + ((size + w - 1) / w);
        }

        var p = new PairwisePanels(w, dims, first[segments], first);
        p.RowOf.AsSpan().Fill(-1);
        p.Norms.AsSpan().Fill(float.NegativeInfinity);
        p.ScaledNorms.AsSpan().Fill(float.PositiveInfinity);
        p.PanelMaxScaledNorm.AsSpan().Fill(float.NegativeInfinity);
        for (int s = 0; s < segments; s++)
        {
            for (int k = segmentStart[s]; k < segmentStart[s + 1]; k++)
            {
                int local = k - segmentStart[s];
                int panel = first[s] + (local / w);
                int lane = local % w;
                int row = order[k];
                int laneIndex = (panel * w) + lane;
                p.Norms[laneIndex] = norms[row];
                p.ScaledNorms[laneIndex] = PairwiseDistanceSums.CancellationRatio * norms[row];
                p.PanelMaxScaledNorm[panel] = Math.Max(p.PanelMaxScaledNorm[panel], p.ScaledNorms[laneIndex]);   // real lanes only
                p.RowOf[laneIndex] = row;
                int yBase = (panel * dims * w) + lane;
                for (int d = 0; d < dims; d++)
                {
                    p.Y[yBase + (d * w)] = -2f * centred[(row * dims) + d];
                }
            }
        }

        return p;
    }
}
