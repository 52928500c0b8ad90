using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages.Entrant.Entries;

/// <summary>
/// A new entry, saved as a draft. Photos, videos and documents are attached on the edit page, which
/// needs the entry to exist; so is the submission, which needs at least one photo.
/// </summary>
public sealed class CreateModel(AppDbContext db, TimeProvider time, Communes communes) : EntryFormPage(db, time, communes)
{
    public override string FormUrl => "/thi-sinh/cong-trinh/moi";

    /// <summary>Set when a post was refused because the submission window is not open.</summary>
    public bool Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ProfileAsync(cancellationToken) is null)
            return ToProfile();
        await LoadChoicesAsync(null, cancellationToken);
        Input = EntryInput.NewFor(EntrantPages.FullName(User));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var profile = await ProfileAsync(cancellationToken);
        if (profile is null)
            return ToProfile();
        await LoadChoicesAsync(null, cancellationToken);
        if (!Window.IsOpen)
            return Refuse();
        if (!CheckFormat())
            return Page();

        var entry = new Entry
        {
            OwnerId = EntrantPages.UserId(User),
            Status = EntryStatus.Draft,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        Input.ApplyTo(entry, profile, EntrantPages.FullName(User));
        Db.Entries.Add(entry);
        await Db.SaveChangesAsync(cancellationToken);

        StatusMessage = entry.Title.Length > 0
            ? $"Đã tạo bản nháp “{entry.Title}”. Tiếp theo, hãy tải ảnh, video, tài liệu lên và nộp hồ sơ khi đã đầy đủ."
            : "Đã tạo bản nháp. Tiếp theo, hãy tải ảnh, video, tài liệu lên và nộp hồ sơ khi đã đầy đủ.";
        return RedirectToPage("Edit", new { id = entry.Id });
    }

    public Task<IActionResult> OnPostAddAuthorAsync(CancellationToken cancellationToken) =>
        ReshapeAsync(AddAuthorRow, cancellationToken);

    public Task<IActionResult> OnPostRemoveAuthorAsync(int index, CancellationToken cancellationToken) =>
        ReshapeAsync(() => RemoveAuthorRow(index), cancellationToken);

    private async Task<IActionResult> ReshapeAsync(Action change, CancellationToken cancellationToken)
    {
        if (await ProfileAsync(cancellationToken) is null)
            return ToProfile();
        await LoadChoicesAsync(null, cancellationToken);
        if (!Window.IsOpen)
            return Refuse();
        change();
        return Page();
    }

    private PageResult Refuse()
    {
        Refused = true;
        ModelState.Clear();
        return PageWithStatus(StatusCodes.Status409Conflict);
    }

    /// <summary>No profile yet: the profile page explains that it comes first.</summary>
    private RedirectToPageResult ToProfile() => RedirectToPage("/Entrant/Profile");
}
