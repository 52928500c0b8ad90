using ContestPlatform.Web.Content.Categories;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Pages.Entrant.Entries;

/// <summary>
/// What the create and edit pages share: the posted <see cref="EntryInput"/>, the choices the form offers
/// (active categories, the 2025 communes), the format check, and adding or removing author rows without
/// JavaScript (the row buttons post the whole form to a handler that re-renders it with every typed value).
/// </summary>
public abstract class EntryFormPage(AppDbContext db, TimeProvider time, Communes communes) : PageModel
{
    public const string StaleMessage = "Công trình vừa được cập nhật ở một cửa sổ khác. Vui lòng tải lại trang.";

    protected AppDbContext Db { get; } = db;
    protected TimeProvider Time { get; } = time;

    [BindProperty] public EntryInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<string> CommuneNames => communes.All;
    public SubmissionWindow Window { get; private set; } = null!;

    /// <summary>The page's own URL: the form posts there, and its row buttons add "?handler=…".</summary>
    public abstract string FormUrl { get; }

    /// <summary>The author row to move the keyboard focus to after adding one (entry-form.js reads it).</summary>
    public int? FocusAuthor { get; private set; }

    protected DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>The latest birth year the form accepts.</summary>
    public int CurrentYear => Today.Year;

    /// <summary>Today in Vietnam.</summary>
    protected DateOnly Today => DateOnly.FromDateTime(VietnameseFormat.ToVietnam(Now));

    /// <summary>Loads the submission window and the categories on offer: the active ones, plus the entry's own if it was retired since.</summary>
    protected async Task LoadChoicesAsync(int? currentCategoryId, CancellationToken cancellationToken)
    {
        Window = await SubmissionWindow.LoadAsync(Db, Time, cancellationToken);
        Categories = await Db.Categories.AsNoTracking()
            .Where(c => c.IsActive || c.Id == currentCategoryId)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .ToListAsync(cancellationToken);
    }

    protected Task<EntrantProfile?> ProfileAsync(CancellationToken cancellationToken)
    {
        var userId = EntrantPages.UserId(User);
        return Db.EntrantProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
    }

    /// <summary>Lengths (attributes) and formats; true when the input may be saved as a draft.</summary>
    protected bool CheckFormat()
    {
        Input.CheckFormat(ModelState, Today.Year, Categories.Select(c => c.Id).ToHashSet(), communes);
        return ModelState.IsValid;
    }

    protected void AddAuthorRow()
    {
        // The rows are re-rendered from Input; stale ModelState entries would override the typed values.
        ModelState.Clear();
        if (Input.Authors.Count >= EntryInput.MaxAuthors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(EntryInput.Authors)}", $"Mỗi công trình có tối đa {EntryInput.MaxAuthors} tác giả.");
            return;
        }
        Input.Authors.Add(new AuthorInput());
        FocusAuthor = Input.Authors.Count - 1;
    }

    protected void RemoveAuthorRow(int index)
    {
        // After removing row 2 of 4, rows 3 and 4 become 2 and 3: ModelState keys would point at the wrong rows.
        ModelState.Clear();
        if (index < 0 || index >= Input.Authors.Count)
            return;
        Input.Authors.RemoveAt(index);
        Input.Representative = Input.Representative
            .Where(i => i != index)
            .Select(i => i > index ? i - 1 : i)
            .ToList();
    }

    /// <summary>The page as is, with a status other than 200 (409 for a refused change).</summary>
    protected PageResult PageWithStatus(int statusCode)
    {
        var page = Page();
        page.StatusCode = statusCode;
        return page;
    }

    /// <summary>Someone saved the entry since this form was opened (another tab, another phone).</summary>
    protected PageResult Stale()
    {
        ModelState.AddModelError(string.Empty, StaleMessage);
        return PageWithStatus(StatusCodes.Status409Conflict);
    }
}
