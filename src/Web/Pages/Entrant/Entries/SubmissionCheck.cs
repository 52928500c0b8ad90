using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Media;

namespace ContestPlatform.Web.Pages.Entrant.Entries;

/// <summary>A reason an entry cannot be submitted yet, under the form key of the field it concerns.</summary>
public sealed record SubmissionProblem(string Key, string Message);

/// <summary>
/// Whether an entry is complete enough to submit (SPEC: required fields, the thuyết minh, authors whose
/// shares sum to 100 with one representative, at least one photo, the authorship commitment). Runs on the
/// saved entry, so what is checked is exactly what would be submitted.
/// </summary>
public static class SubmissionCheck
{
    /// <summary>Key of problems about the entry's files; the media section shows them.</summary>
    public const string MediaKey = "Media";

    public static IReadOnlyList<SubmissionProblem> Problems(Entry entry, DateOnly today)
    {
        var problems = new List<SubmissionProblem>();
        void Add(string field, string message) => problems.Add(new($"Input.{field}", message));

        if (entry.Title.Length == 0)
            Add(nameof(EntryInput.Title), "Vui lòng nhập tên công trình.");
        if (entry.CategoryId is null)
            Add(nameof(EntryInput.CategoryId), "Vui lòng chọn lĩnh vực dự thi.");
        if (entry.Commune.Length == 0)
            Add(nameof(EntryInput.Commune), "Vui lòng chọn địa bàn áp dụng (xã/phường).");
        if (entry.AppliedSince is null)
            Add(nameof(EntryInput.AppliedSince), "Vui lòng nhập thời gian bắt đầu áp dụng.");
        else if (entry.AppliedSince > today)
            Add(nameof(EntryInput.AppliedSince),
                $"Thời gian bắt đầu áp dụng không được sau ngày hôm nay ({VietnameseFormat.Date(today)}): công trình dự thi phải đã được áp dụng.");
        if (entry.Summary.Length == 0)
            Add(nameof(EntryInput.Summary), "Vui lòng nhập tóm tắt công trình.");
        var sections = new Dictionary<string, string>
        {
            [nameof(EntryInput.Situation)] = entry.Situation,
            [nameof(EntryInput.Solution)] = entry.Solution,
            [nameof(EntryInput.Novelty)] = entry.Novelty,
            [nameof(EntryInput.Impact)] = entry.Impact,
            [nameof(EntryInput.Applicability)] = entry.Applicability,
        };
        foreach (var (name, label, _) in EntryInput.Sections)
            if (sections[name].Length == 0)
                Add(name, $"Vui lòng viết phần thuyết minh “{label}”.");

        AuthorProblems(entry.Authors.OrderBy(a => a.Order).ToList(), Add);

        if (!entry.Media.Any(m => m.Kind == MediaKind.Photo && m.State != MediaState.Failed))
            problems.Add(new(MediaKey, "Vui lòng tải lên ít nhất một ảnh về công trình (ảnh bị lỗi xử lý không được tính)."));
        if (!entry.AuthorshipCommitted)
            Add(nameof(EntryInput.AuthorshipCommitted), "Vui lòng đánh dấu cam kết quyền tác giả trước khi nộp hồ sơ.");
        return problems;
    }

    private static void AuthorProblems(IReadOnlyList<EntryAuthor> authors, Action<string, string> add)
    {
        const string table = nameof(EntryInput.Authors);
        if (authors.Count == 0)
        {
            add(table, "Vui lòng nhập ít nhất một tác giả.");
            return;
        }
        for (var i = 0; i < authors.Count; i++)
        {
            var row = $"{table}[{i}]";
            if (authors[i].FullName.Length == 0)
                add($"{row}.{nameof(AuthorInput.FullName)}", "Vui lòng nhập họ và tên.");
            if (authors[i].BirthYear is null)
                add($"{row}.{nameof(AuthorInput.BirthYear)}", "Vui lòng nhập năm sinh.");
            if (authors[i].SharePercent <= 0)
                add($"{row}.{nameof(AuthorInput.Share)}", "Vui lòng nhập tỷ lệ đóng góp.");
        }
        // Exact decimal arithmetic: 33.33 + 33.33 + 33.34 is 100, 99.99 is not.
        var total = authors.Sum(a => a.SharePercent);
        if (authors.All(a => a.SharePercent > 0) && total != 100m)
            add(table, $"Tổng tỷ lệ đóng góp của các tác giả phải bằng đúng 100%; hiện đang là {VietnameseFormat.Number(total)}%.");

        var representatives = authors.Count(a => a.IsRepresentative);
        if (representatives == 0)
            add(nameof(EntryInput.Representative), "Vui lòng chọn một tác giả làm người đại diện.");
        else if (representatives > 1)
            add(nameof(EntryInput.Representative), $"Chỉ chọn một người đại diện; hiện có {representatives} tác giả được đánh dấu đại diện.");
    }
}
