using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Sponsorship;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Admin.Sponsorship;

/// <summary>
/// The MoU laid out as a Vietnamese administrative document (/bien-ban/{id}/in), to print on A4 and sign:
/// Quốc hiệu and Tiêu ngữ, number and place-date line, title, legal bases, the two parties, the articles and
/// the two signature columns. A draft prints with blanks where the number and date go, marked DỰ THẢO.
/// </summary>
public sealed class PrintModel(SponsorshipService sponsorship, AppDbContext db) : PageModel
{
    /// <summary>Địa danh of the date line: where the Ban Tổ chức sits (Nghị định 30/2020/NĐ-CP, the province's name).</summary>
    public const string PlaceName = "Thái Nguyên";

    public SponsorshipMou Mou { get; private set; } = null!;
    public Contest Contest { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var mou = await sponsorship.MouAsync(id, cancellationToken);
        if (mou is null)
            return NotFound();
        Mou = mou;
        Contest = await db.CurrentContestAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// "ngày 05 tháng 02 năm 2025": as Nghị định 30/2020/NĐ-CP writes dates in documents, days below 10 and the
    /// months 1 and 2 with a leading zero (so nobody can add a digit in front), other months without.
    /// </summary>
    public static string DocumentDate(DateOnly date) =>
        $"ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00") : date.Month.ToString())} năm {date.Year}";

    /// <summary>The blanks a draft leaves for the date to be written by hand.</summary>
    public string DocumentDateOrBlank => Mou.SignedOn is { } signed && Mou.Status >= MouStatus.Signed
        ? DocumentDate(signed)
        : $"ngày ….. tháng ….. năm {Mou.SignedOn?.Year ?? sponsorship.Today.Year}";

    public static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
