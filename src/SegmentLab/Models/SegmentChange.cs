namespace SegmentLab.Models;

/// <summary>What happened to a segment between a previous model and a refit.</summary>
public enum SegmentChange
{
    /// <summary>Matched to a previous segment within the match distance: it keeps that id and name.</summary>
    Kept,

    /// <summary>A new segment with no previous segment within the match distance: it gets a fresh id.</summary>
    Appeared,

    /// <summary>A previous segment that no new segment was matched to.</summary>
    Vanished,
}
