using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Council.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Awards;

/// <summary>/giai-thuong/ket-qua.xlsx: the published results as a spreadsheet; 404 until the publication moment.</summary>
public sealed class ExportModel(AwardService awards) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (await awards.PublishedAsync(cancellationToken) is not { } published)
            return NotFound();
        var table = AwardsExport.Winners(published, await awards.AuthorsAsync(published, cancellationToken));
        return File(ResultsExport.Xlsx(table), ResultsExport.XlsxContentType, "ket-qua-cuoc-thi.xlsx");
    }
}
