using System.ComponentModel.DataAnnotations;
using ContestPlatform.Web.Contests;
using ContestPlatform.Web.Content.Rules;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Markdown;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Admin.Rules;

/// <summary>Edits the Thể lệ. Every save appends a version; nothing is ever overwritten.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, MarkdownRenderer renderer) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public RulesVersion? Current { get; private set; }
    public IHtmlContent PreviewHtml { get; private set; } = HtmlString.Empty;

    public sealed class InputModel
    {
        [Required, StringLength(300), Display(Name = "Tên văn bản")]
        public string Title { get; set; } = "";

        [StringLength(300), Display(Name = "Quyết định ban hành")]
        public string? DecisionRef { get; set; }

        [Required, Display(Name = "Ngày có hiệu lực")]
        public DateOnly? EffectiveDate { get; set; }

        [Required, StringLength(500), Display(Name = "Lý do thay đổi")]
        public string Note { get; set; } = "";

        [Required, StringLength(200_000), Display(Name = "Nội dung thể lệ")]
        public string Markdown { get; set; } = "";

        /// <summary>The version the editor started from; a newer one means someone saved in the meantime.</summary>
        public int BaseNumber { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await db.CurrentRulesAsync(cancellationToken);
        if (Current is not null)
            Input = new InputModel
            {
                Title = Current.Title,
                DecisionRef = Current.DecisionRef,
                EffectiveDate = Current.EffectiveDate,
                Markdown = Current.Markdown,
                BaseNumber = Current.Number,
            };
        PreviewHtml = AdminForms.Render(renderer, Input.Markdown);
    }

    public IActionResult OnPostPreview(string? markdown) => AdminForms.Preview(renderer, markdown);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Current = await db.CurrentRulesAsync(cancellationToken);
        PreviewHtml = AdminForms.Render(renderer, Input.Markdown);
        if (!ModelState.IsValid)
            return Page();

        var latest = Current?.Number ?? 0;
        if (latest != Input.BaseNumber)
        {
            RefuseStale();
            return Page();
        }

        var draft = new RulesVersion
        {
            Title = AdminForms.Line(Input.Title),
            DecisionRef = AdminForms.Line(Input.DecisionRef),
            EffectiveDate = Input.EffectiveDate!.Value,
            Markdown = AdminForms.Block(Input.Markdown),
            Note = AdminForms.Line(Input.Note),
        };
        if (Current is not null && SameContent(Current, draft))
        {
            ModelState.AddModelError(string.Empty,
                $"Nội dung không thay đổi so với phiên bản {Current.Number} đang áp dụng, nên không lưu phiên bản mới.");
            return Page();
        }

        draft.Number = latest + 1;
        draft.CreatedAt = time.GetUtcNow().UtcDateTime;
        draft.CreatedBy = AdminForms.Email(User);
        db.RulesVersions.Add(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on Number: another organizer saved the same number a moment earlier.
            db.ChangeTracker.Clear();
            Current = await db.CurrentRulesAsync(cancellationToken);
            RefuseStale();
            return Page();
        }

        StatusMessage = $"Đã lưu Thể lệ thành phiên bản {draft.Number}. Trang Thể lệ công khai đã hiển thị bản mới.";
        return RedirectToPage();
    }

    /// <summary>
    /// Keeps the organizer's text and moves the base to the newest version: saving again is then a
    /// deliberate choice, and the other person's version stays in the history either way.
    /// </summary>
    private void RefuseStale()
    {
        var by = Current is null ? "" : $" ({Current.CreatedBy}, {VietnameseFormat.DateAndTime(Current.CreatedAt)})";
        this.RefuseStale(
            $"Trong lúc bạn sửa, Thể lệ đã được lưu thành phiên bản {Current?.Number}{by}. Nội dung của bạn chưa được lưu " +
            "và vẫn còn nguyên bên dưới. Hãy xem phiên bản mới trong Lịch sử phiên bản; nếu vẫn muốn lưu nội dung của bạn " +
            "thành phiên bản tiếp theo, bấm Lưu phiên bản mới một lần nữa.");
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.BaseNumber)}");
        Input.BaseNumber = Current?.Number ?? 0;
    }

    private static bool SameContent(RulesVersion a, RulesVersion b) =>
        a.Title == b.Title && a.DecisionRef == b.DecisionRef && a.EffectiveDate == b.EffectiveDate
        && AdminForms.Block(a.Markdown) == b.Markdown;
}
