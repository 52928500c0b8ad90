namespace ContestPlatform.Web.Awards.Certificates;

/// <summary>What one award certificate says.</summary>
/// <param name="ContestName">The contest's name, e.g. <c>Đổi mới sáng tạo - vì Thái Nguyên thân yêu</c>.</param>
/// <param name="TierName">The award tier, e.g. <c>Giải Nhất</c>; printed in capitals.</param>
/// <param name="Honour"><c>Bằng khen</c> or <c>Giấy chứng nhận</c>; printed in capitals as the title.</param>
/// <param name="EntryTitle">The entry's title (tên công trình).</param>
/// <param name="EntryCode">The entry's code, e.g. <c>DMST-2025-0042</c>.</param>
/// <param name="Authors">The authors' full names, at least one.</param>
/// <param name="Organisation">The entrant's organisation (đơn vị), if any.</param>
/// <param name="Date">The date the certificate is signed.</param>
/// <param name="Place">The place before the date, e.g. <c>Thái Nguyên</c>.</param>
/// <param name="SignerTitle">The signer's capacity, one line per <c>\n</c>, e.g. <c>TM. BAN TỔ CHỨC\nTRƯỞNG BAN</c>.</param>
/// <param name="SignerName">The signer's full name.</param>
/// <param name="VerifyUrl">The absolute URL of the verification page (<c>/chung-nhan/{code}</c>) the QR code opens.</param>
/// <param name="ResultsHash">The hex hash of the published results; its first 16 characters are printed.</param>
public sealed record CertificateData(
    string ContestName,
    string TierName,
    string Honour,
    string EntryTitle,
    string EntryCode,
    IReadOnlyList<string> Authors,
    string? Organisation,
    DateOnly Date,
    string Place,
    string SignerTitle,
    string SignerName,
    string VerifyUrl,
    string ResultsHash);
