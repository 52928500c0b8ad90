namespace ContestPlatform.Web.Media;

public enum MediaKind
{
    Photo = 1,
    Video = 2,

    /// <summary>Thuyết minh and other PDF documents.</summary>
    Document = 3,

    /// <summary>Xác nhận của đơn vị áp dụng: a stamped scan (PDF or photo). Never shown to judges or the public.</summary>
    Evidence = 4,
}

public enum MediaState
{
    Pending = 0,
    Processing = 1,
    Ready = 2,
    Failed = 3,
}
