using System.Text;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Pages.Admin.Entries;

namespace ContestPlatform.Web.Tests.Pages.Admin.Entries;

public class RedactionTests
{
    private static readonly Entry Entry = new()
    {
        EntrantName = "Nhóm tác giả Đồng Hỷ",
        Authors =
        [
            new EntryAuthor { FullName = "Nguyễn Văn An", Unit = "UBND xã Đồng Hỷ" },
            new EntryAuthor { FullName = "Lò Thị Đào", Unit = "" },
            new EntryAuthor { FullName = "Vi", Unit = "" },
        ],
    };

    private static IReadOnlyList<RedactionTerm> Terms(EntrantProfile? profile = null, string? owner = null) =>
        Redaction.Terms(Entry, profile, owner);

    [Fact]
    public void Authors_are_authors_and_units_are_units_longest_first()
    {
        var terms = Terms(new EntrantProfile { Type = EntrantType.AuthorGroup, TaxCode = "4600123456" }, "Nguyễn Văn An");

        Assert.Equal(
            [
                ("Nhóm tác giả Đồng Hỷ", Redaction.AuthorPlaceholder),
                ("UBND xã Đồng Hỷ", Redaction.UnitPlaceholder),
                ("Nguyễn Văn An", Redaction.AuthorPlaceholder),
                ("4600123456", Redaction.TaxCodePlaceholder),
                ("Lò Thị Đào", Redaction.AuthorPlaceholder),
            ],
            terms.Select(t => (t.Text, t.Placeholder)));
    }

    [Fact]
    public void An_organisation_entrant_is_a_unit()
    {
        var terms = Terms(new EntrantProfile { Type = EntrantType.Enterprise, Organisation = "Công ty Cổ phần Gang thép" });

        Assert.Contains(terms, t => t is { Text: "Công ty Cổ phần Gang thép", Placeholder: Redaction.UnitPlaceholder });
        Assert.Contains(terms, t => t is { Text: "Nhóm tác giả Đồng Hỷ", Placeholder: Redaction.UnitPlaceholder });
    }

    [Theory]
    [InlineData("Tác giả nguyen van an.", 1)]
    [InlineData("NGUYỄN VĂN AN và Nguyễn  Văn\nAn", 2)]
    [InlineData("Nguyễn Văn Anh không phải tác giả", 0)]
    [InlineData("lo thi dao, LÒ THỊ ĐÀO", 2)]
    public void Names_are_found_without_diacritics_case_or_spacing_but_only_as_whole_words(string text, int count)
    {
        var hits = Redaction.Find(Terms(), [("Tóm tắt", text)]);

        Assert.Equal(count, hits.Sum(h => h.Count));
    }

    [Fact]
    public void Replacing_keeps_the_text_around_each_name()
    {
        var (text, replaced) = Redaction.Replace("Ông nguyen van an (UBND XÃ ĐỒNG HỶ) và bà Lò Thị Đào.", Terms());

        Assert.Equal("Ông [Tác giả] ([Đơn vị]) và bà [Tác giả].", text);
        Assert.Equal(3, replaced);
    }

    [Fact]
    public void Decomposed_text_pasted_from_word_is_replaced_too()
    {
        var decomposed = "Kỹ sư Nguyễn Văn An thực hiện.".Normalize(NormalizationForm.FormD);

        var (text, replaced) = Redaction.Replace(decomposed, Terms());

        Assert.Equal(1, replaced);
        Assert.Equal("Kỹ sư [Tác giả] thực hiện.", text.Normalize(NormalizationForm.FormC));
    }
}
