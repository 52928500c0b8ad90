using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Gallery;

/// <summary>
/// One accepted entry for the public: its text, authors, photos, video and documents. Evidence of
/// application stays private, and so does the status (a result may be embargoed until the ceremony).
/// </summary>
public sealed class DetailsModel(AppDbContext db, ContestPlatform.Web.Awards.AwardService awards) : PageModel
{
    public Entry Entry { get; private set; } = null!;
    public string? CategoryName { get; private set; }
    public IReadOnlyList<MediaFile> Photos { get; private set; } = [];

    /// <summary>The award it won, once results are published.</summary>
    public string? Award { get; private set; }
    public IReadOnlyList<MediaFile> Videos { get; private set; } = [];
    public IReadOnlyList<MediaFile> Documents { get; private set; } = [];

    /// <summary>The thuyết minh sections that have text, with their headings.</summary>
    public IReadOnlyList<(string Heading, string Text)> Sections { get; private set; } = [];

    public bool HasBenefits => Entry.BenefitVnd is > 0 || Entry.JobsCreated is > 0 || Entry.TimeSaved.Length > 0;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var entry = await db.Entries.AsNoTracking()
            .Include(e => e.Authors)
            .FirstOrDefaultAsync(e => e.Code == normalized && EntryStatusLabels.Public.Contains(e.Status), cancellationToken);
        if (entry is null)
            return NotFound();
        Entry = entry;
        Entry.Authors = [.. entry.Authors.OrderBy(a => a.Order).ThenBy(a => a.Id)];
        Award = (await awards.WinnersAsync(cancellationToken)).GetValueOrDefault(entry.Id);
        CategoryName = await db.Categories.Where(c => c.Id == entry.CategoryId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);

        // Only what is ready to be seen; evidence never leaves the secretariat.
        var media = await db.MediaFiles.AsNoTracking()
            .Where(m => m.EntryId == entry.Id && m.Kind != MediaKind.Evidence && m.State == MediaState.Ready)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        Photos = media.Where(m => m.Kind == MediaKind.Photo && m.DisplayJpegKey is not null).ToList();
        Videos = media.Where(m => m.Kind == MediaKind.Video && m.PlaybackKey is not null).ToList();
        Documents = media.Where(m => m.Kind == MediaKind.Document && m.PlaybackKey is not null).ToList();

        Sections = new (string, string)[]
            {
                ("Thực trạng", entry.Situation),
                ("Giải pháp", entry.Solution),
                ("Tính đổi mới sáng tạo", entry.Novelty),
                ("Hiệu quả kinh tế - xã hội", entry.Impact),
                ("Khả năng áp dụng, nhân rộng", entry.Applicability),
            }
            .Where(s => !string.IsNullOrWhiteSpace(s.Item2))
            .ToList();
        return Page();
    }

    public static string PhotoAlt(MediaFile photo, string title, int number) =>
        string.IsNullOrWhiteSpace(photo.Caption) ? $"Ảnh {number} của công trình “{title}”" : photo.Caption;
}
