using ContestPlatform.Web.Council.Results;

namespace ContestPlatform.Web.Awards;

/// <summary>The awards of a proposal as a spreadsheet table, in tier order (the published list, or the organizer's draft).</summary>
public static class AwardsExport
{
    public static ResultsExport.Table Winners(ProposalView view, ILookup<int, string> authors)
    {
        ArgumentNullException.ThrowIfNull(view);
        ResultsExport.Column[] columns =
        [
            new("Hạng giải", ResultsExport.Kind.Text, 18),
            new("Mã công trình", ResultsExport.Kind.Text, 16),
            new("Tên công trình", ResultsExport.Kind.Text, 50),
            new("Tác giả", ResultsExport.Kind.Text, 36),
            new("Đơn vị dự thi", ResultsExport.Kind.Text, 32),
            new("Điểm Hội đồng", ResultsExport.Kind.Score, 11),
            new("Điểm bình chọn", ResultsExport.Kind.OneDecimal, 11),
            new("Tổng điểm", ResultsExport.Kind.Score, 10),
            new("Mức thưởng (đồng)", ResultsExport.Kind.Integer, 14),
            new("Hình thức khen thưởng", ResultsExport.Kind.Text, 18),
            new("Nguồn kinh phí", ResultsExport.Kind.Text, 18),
            new("Mã giấy chứng nhận", ResultsExport.Kind.Text, 16),
        ];
        var rows = view.Awards.Select(a => (object?[])
        [
            a.Award.Tier.Name, a.EntryCode, a.EntryTitle, string.Join(", ", authors[a.Award.EntryId]), a.EntrantName,
            a.Award.CouncilScore, a.Award.VoteScore, a.Award.Total, a.Award.Tier.AmountDong,
            AwardLabels.Of(a.Award.Tier.Honour), AwardLabels.Of(a.Award.Tier.Funding), a.Award.CertificateCode,
        ]).ToList();
        return new ResultsExport.Table("Kết quả", columns, rows);
    }
}
