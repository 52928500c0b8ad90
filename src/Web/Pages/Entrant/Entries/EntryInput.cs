using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Pages.Admin;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContestPlatform.Web.Pages.Entrant.Entries;

/// <summary>
/// The fields of an entry as the form posts them, shared by the create and edit pages. Lengths and
/// formats are checked on every save (<see cref="CheckFormat"/>); whether the entry is complete is
/// checked only when submitting (<see cref="SubmissionCheck"/>), so a half-written draft can be saved.
/// </summary>
public sealed class EntryInput
{
    public const int MaxAuthors = 20;

    /// <summary>The entry's version when the form was opened; a save from an older one is refused.</summary>
    public Guid Version { get; set; }

    [StringLength(300), Display(Name = "Tên công trình")]
    public string? Title { get; set; }

    [Display(Name = "Lĩnh vực")]
    public int? CategoryId { get; set; }

    [StringLength(100), Display(Name = "Địa bàn áp dụng (xã/phường)")]
    public string? Commune { get; set; }

    [StringLength(300), Display(Name = "Địa chỉ theo địa giới cũ")]
    public string? LegacyAddress { get; set; }

    [Display(Name = "Thời gian bắt đầu áp dụng")]
    public DateOnly? AppliedSince { get; set; }

    [StringLength(2000), Display(Name = "Tóm tắt")]
    public string? Summary { get; set; }

    [StringLength(20000), Display(Name = "Thực trạng")]
    public string? Situation { get; set; }

    [StringLength(20000), Display(Name = "Giải pháp")]
    public string? Solution { get; set; }

    [StringLength(20000), Display(Name = "Tính đổi mới sáng tạo")]
    public string? Novelty { get; set; }

    [StringLength(20000), Display(Name = "Hiệu quả kinh tế - xã hội")]
    public string? Impact { get; set; }

    [StringLength(20000), Display(Name = "Khả năng áp dụng, nhân rộng")]
    public string? Applicability { get; set; }

    /// <summary>Text, so "30.000.000" typed the Vietnamese way is understood (see <see cref="TryParseMoney"/>).</summary>
    [StringLength(30), Display(Name = "Lợi ích kinh tế (VNĐ/năm)")]
    public string? BenefitVnd { get; set; }

    [Range(0, 1_000_000), Display(Name = "Số việc làm tạo ra")]
    public int? JobsCreated { get; set; }

    [StringLength(300), Display(Name = "Thời gian tiết kiệm")]
    public string? TimeSaved { get; set; }

    public List<AuthorInput> Authors { get; set; } = [];

    /// <summary>
    /// The row index of the representative author (a radio group). A list rather than one number so a
    /// tampered form naming two is refused instead of silently keeping one.
    /// </summary>
    public List<int> Representative { get; set; } = [];

    [Display(Name = "Cam kết quyền tác giả")]
    public bool AuthorshipCommitted { get; set; }

    /// <summary>The five thuyết minh sections, in the order of the form and of the printed dossier.</summary>
    public static readonly IReadOnlyList<(string Name, string Label, string Hint)> Sections =
    [
        (nameof(Situation), "Thực trạng", "Tình hình trước khi có công trình: vấn đề, khó khăn, hạn chế cần giải quyết."),
        (nameof(Solution), "Giải pháp", "Nội dung giải pháp, cách làm, quy trình triển khai."),
        (nameof(Novelty), "Tính đổi mới sáng tạo", "Điểm mới, khác biệt so với cách làm trước đây; không trùng lặp với công trình đã công bố."),
        (nameof(Impact), "Hiệu quả kinh tế - xã hội", "Lợi ích trực tiếp sau khi áp dụng; việc làm, điều kiện sống và làm việc, sức khỏe, an toàn, môi trường."),
        (nameof(Applicability), "Khả năng áp dụng, nhân rộng", "Nơi đã áp dụng; khả năng áp dụng rộng rãi trong sản xuất, kinh doanh, đời sống của tỉnh."),
    ];

    public string? SectionValue(string name) => name switch
    {
        nameof(Situation) => Situation,
        nameof(Solution) => Solution,
        nameof(Novelty) => Novelty,
        nameof(Impact) => Impact,
        nameof(Applicability) => Applicability,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>A new entry's form: one author row with the account holder's name, 100% and representative.</summary>
    public static EntryInput NewFor(string accountName) => new()
    {
        Authors = [new AuthorInput { FullName = accountName, Share = "100" }],
        Representative = [0],
    };

    public static EntryInput From(Entry entry)
    {
        var authors = entry.Authors.OrderBy(a => a.Order).ToList();
        return new EntryInput
        {
            Version = entry.Version,
            Title = entry.Title,
            CategoryId = entry.CategoryId,
            Commune = entry.Commune,
            LegacyAddress = entry.LegacyAddress,
            AppliedSince = entry.AppliedSince,
            Summary = entry.Summary,
            Situation = entry.Situation,
            Solution = entry.Solution,
            Novelty = entry.Novelty,
            Impact = entry.Impact,
            Applicability = entry.Applicability,
            BenefitVnd = entry.BenefitVnd is { } benefit ? benefit.ToString("#,0", VietnameseFormat.Culture) : null,
            JobsCreated = entry.JobsCreated,
            TimeSaved = entry.TimeSaved,
            Authors = authors.Select(a => new AuthorInput
            {
                FullName = a.FullName,
                BirthYear = a.BirthYear,
                Unit = a.Unit,
                Position = a.Position,
                Share = a.SharePercent > 0 ? VietnameseFormat.Number(a.SharePercent) : null,
            }).ToList(),
            Representative = authors.Select((a, i) => (a, i)).Where(x => x.a.IsRepresentative).Select(x => x.i).ToList(),
            AuthorshipCommitted = entry.AuthorshipCommitted,
        };
    }

    /// <summary>
    /// Where the field of a form key sits on the page, top to bottom, so the error summary lists problems
    /// in the order the entrant meets them. Unknown keys go last.
    /// </summary>
    public static int FormOrder(string key)
    {
        string[] fields =
        [
            nameof(Title), nameof(CategoryId), nameof(Commune), nameof(LegacyAddress), nameof(AppliedSince), nameof(Summary),
            nameof(Situation), nameof(Solution), nameof(Novelty), nameof(Impact), nameof(Applicability),
            nameof(BenefitVnd), nameof(JobsCreated), nameof(TimeSaved), nameof(Authors),
        ];
        string[] columns = [nameof(AuthorInput.FullName), nameof(AuthorInput.BirthYear), nameof(AuthorInput.Unit), nameof(AuthorInput.Position), nameof(AuthorInput.Share)];
        if (key.Length == 0)
            return 0;
        if (key.StartsWith("Input.Authors[", StringComparison.Ordinal))
        {
            var close = key.IndexOf(']');
            if (close < 0 || !int.TryParse(key.AsSpan(14, close - 14), CultureInfo.InvariantCulture, out var row))
                return 1999;
            var column = close + 2 <= key.Length ? key[(close + 2)..] : "";
            return 1000 + Math.Min(row, 99) * 10 + Array.IndexOf(columns, column) + 1;
        }
        return key switch
        {
            "Input.Representative" => 2000,
            SubmissionCheck.MediaKey => 3000,
            "Input.AuthorshipCommitted" => 4000,
            _ when key.StartsWith("Input.", StringComparison.Ordinal) && Array.IndexOf(fields, key[6..]) is >= 0 and var i => i < fields.Length - 1 ? 1 + i : 999,
            _ => 5000,
        };
    }

    /// <summary>
    /// Formats and references, on every save (draft or submit): a known category and commune, numbers that
    /// parse, birth years and shares in range, at most <see cref="MaxAuthors"/> authors. Lengths are
    /// checked by the attributes. Adds errors to <paramref name="modelState"/> under "Input.…".
    /// </summary>
    public void CheckFormat(ModelStateDictionary modelState, int currentYear, IReadOnlySet<int> categoryIds, Communes communes)
    {
        const string prefix = "Input";
        if (CategoryId is { } category && !categoryIds.Contains(category))
            modelState.AddModelError($"{prefix}.{nameof(CategoryId)}", "Vui lòng chọn lĩnh vực trong danh sách.");
        if (!string.IsNullOrWhiteSpace(Commune) && !communes.Contains(Commune))
            modelState.AddModelError($"{prefix}.{nameof(Commune)}",
                "Vui lòng chọn xã/phường trong danh sách đơn vị hành chính cấp xã của tỉnh Thái Nguyên.");
        if (AppliedSince is { Year: < 1900 })
            modelState.AddModelError($"{prefix}.{nameof(AppliedSince)}", "Thời gian bắt đầu áp dụng không hợp lệ.");
        if (!TryParseMoney(BenefitVnd, out _))
            modelState.AddModelError($"{prefix}.{nameof(BenefitVnd)}",
                "Lợi ích kinh tế là số tiền VNĐ mỗi năm, chỉ gồm chữ số, ví dụ 30.000.000.");

        if (Authors.Count > MaxAuthors)
            modelState.AddModelError($"{prefix}.{nameof(Authors)}", $"Mỗi công trình có tối đa {MaxAuthors} tác giả.");
        for (var i = 0; i < Authors.Count; i++)
        {
            var author = Authors[i];
            var key = $"{prefix}.{nameof(Authors)}[{i}]";
            if (author.BirthYear is { } year && (year < 1900 || year > currentYear))
                modelState.AddModelError($"{key}.{nameof(AuthorInput.BirthYear)}", $"Năm sinh phải từ 1900 đến {currentYear}.");
            if (!TryParseShare(author.Share, out _))
                modelState.AddModelError($"{key}.{nameof(AuthorInput.Share)}",
                    "Tỷ lệ đóng góp là số lớn hơn 0 và không quá 100, tối đa hai chữ số thập phân, ví dụ 33,33.");
        }
    }

    /// <summary>Copies the fields onto <paramref name="entry"/>; rows left completely blank are dropped.</summary>
    public void ApplyTo(Entry entry, EntrantProfile? profile, string accountName)
    {
        entry.Title = AdminForms.Line(Title);
        entry.CategoryId = CategoryId;
        entry.Commune = Commune?.Trim() ?? "";
        entry.LegacyAddress = AdminForms.Line(LegacyAddress);
        entry.AppliedSince = AppliedSince;
        entry.Summary = AdminForms.Block(Summary);
        entry.Situation = AdminForms.Block(Situation);
        entry.Solution = AdminForms.Block(Solution);
        entry.Novelty = AdminForms.Block(Novelty);
        entry.Impact = AdminForms.Block(Impact);
        entry.Applicability = AdminForms.Block(Applicability);
        TryParseMoney(BenefitVnd, out var benefit);
        entry.BenefitVnd = benefit;
        entry.JobsCreated = JobsCreated;
        entry.TimeSaved = AdminForms.Line(TimeSaved);
        entry.AuthorshipCommitted = AuthorshipCommitted;

        var rows = Authors
            .Select((author, index) => (Author: author, IsRepresentative: Representative.Contains(index)))
            .Where(row => !row.Author.IsBlank)
            .ToList();
        // Update rows in place (ids stay stable); extra old rows are removed, extra new rows added.
        var existing = entry.Authors.OrderBy(a => a.Order).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var target = i < existing.Count ? existing[i] : new EntryAuthor();
            if (i >= existing.Count)
                entry.Authors.Add(target);
            var (author, isRepresentative) = rows[i];
            TryParseShare(author.Share, out var share);
            target.Order = i + 1;
            target.FullName = AdminForms.Line(author.FullName);
            target.BirthYear = author.BirthYear;
            target.Unit = AdminForms.Line(author.Unit);
            target.Position = AdminForms.Line(author.Position);
            target.SharePercent = share ?? 0m;
            target.IsRepresentative = isRepresentative;
        }
        foreach (var extra in existing.Skip(rows.Count))
            entry.Authors.Remove(extra);

        entry.EntrantName = EntrantNameOf(entry, profile, accountName);
        entry.RefreshSearchText();
    }

    /// <summary>
    /// The name the public gallery shows for the entrant: the organisation for agencies, enterprises and
    /// other organisations; otherwise the representative author (or the first author, or the account name).
    /// </summary>
    public static string EntrantNameOf(Entry entry, EntrantProfile? profile, string accountName)
    {
        if (profile is not null && ProfileModel.NeedsOrganisation(profile.Type) && profile.Organisation.Length > 0)
            return profile.Organisation;
        var authors = entry.Authors.OrderBy(a => a.Order).Where(a => a.FullName.Length > 0).ToList();
        var representative = authors.FirstOrDefault(a => a.IsRepresentative) ?? authors.FirstOrDefault();
        return representative?.FullName ?? accountName.Trim();
    }

    /// <summary>
    /// VNĐ as people type it: "30000000", "30.000.000", "30 000 000" or "30,000,000" (no decimals: đồng has
    /// no subunit). Empty is null. False when it is not a whole amount of at most 18 digits.
    /// </summary>
    public static bool TryParseMoney(string? text, out long? amount)
    {
        amount = null;
        var compact = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('.' or ',')).ToArray());
        if (compact.Length == 0)
            return true;
        if (compact.Length > 18 || !compact.All(char.IsAsciiDigit))
            return false;
        amount = long.Parse(compact, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// A share in percent: "33,33" (Vietnamese), "33.33" (what number inputs send) or "33,33 %". More than
    /// 0, at most 100, at most two decimals. Empty is null (allowed in a draft, refused at submission).
    /// </summary>
    public static bool TryParseShare(string? text, out decimal? share)
    {
        share = null;
        var compact = (text ?? "").Replace(" ", "").TrimEnd('%').Replace(',', '.');
        if (compact.Length == 0)
            return true;
        if (!decimal.TryParse(compact, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value <= 0 || value > 100 || decimal.Round(value, 2) != value)
            return false;
        share = value;
        return true;
    }
}

/// <summary>A row of the authors table.</summary>
public sealed class AuthorInput
{
    [StringLength(100), Display(Name = "Họ và tên")]
    public string? FullName { get; set; }

    [Display(Name = "Năm sinh")]
    public int? BirthYear { get; set; }

    [StringLength(200), Display(Name = "Đơn vị công tác")]
    public string? Unit { get; set; }

    [StringLength(100), Display(Name = "Chức vụ")]
    public string? Position { get; set; }

    /// <summary>Text, so both "33,33" and "33.33" are understood (see <see cref="EntryInput.TryParseShare"/>).</summary>
    [StringLength(10), Display(Name = "Tỷ lệ đóng góp (%)")]
    public string? Share { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(FullName) && BirthYear is null && string.IsNullOrWhiteSpace(Unit)
        && string.IsNullOrWhiteSpace(Position) && string.IsNullOrWhiteSpace(Share);
}
