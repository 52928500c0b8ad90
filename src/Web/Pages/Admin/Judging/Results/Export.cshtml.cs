using ContestPlatform.Web.Council.Results;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Votes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Judging.Results;

/// <summary>
/// Downloads of a round's results: <c>?dinhDang=xlsx|csv&amp;phan=xep-hang|diem</c> — the ranking with every
/// aggregation, or every score of every sheet that counts. ASCII file names such as ket-qua-vong-1.xlsx.
/// </summary>
public sealed class ExportModel(AppDbContext db, VoteService votes) : PageModel
{
    public const string Xlsx = "xlsx";
    public const string Csv = "csv";
    public const string RankingPart = "xep-hang";
    public const string ScoresPart = "diem";

    public async Task<IActionResult> OnGetAsync(
        int roundId,
        [FromQuery(Name = "dinhDang")] string? format,
        [FromQuery(Name = "phan")] string? part,
        CancellationToken cancellationToken)
    {
        format = (format ?? Xlsx).Trim().ToLowerInvariant();
        part = (part ?? RankingPart).Trim().ToLowerInvariant();
        if (format is not (Xlsx or Csv) || part is not (RankingPart or ScoresPart))
            return BadRequest("Định dạng phải là xlsx hoặc csv; phần xuất phải là xep-hang hoặc diem.");

        var service = new ResultsService(db, votes);
        ResultsExport.Table table;
        if (part == RankingPart)
        {
            var results = await service.LoadAsync(roundId, cancellationToken: cancellationToken);
            if (results is null)
                return NotFound();
            table = ResultsExport.Ranking(results);
        }
        else
        {
            var scores = await service.ScoresAsync(roundId, cancellationToken);
            if (scores is null)
                return NotFound();
            table = ResultsExport.Scores(scores);
        }

        var name = $"{(part == RankingPart ? "ket-qua" : "diem")}-vong-{roundId}.{format}";
        return format == Xlsx
            ? File(ResultsExport.Xlsx(table), ResultsExport.XlsxContentType, name)
            : File(ResultsExport.Csv(table), "text/csv; charset=utf-8", name);
    }
}
