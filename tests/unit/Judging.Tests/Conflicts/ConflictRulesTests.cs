using ContestPlatform.Judging.Conflicts;
using ContestPlatform.Judging.Participants;

namespace ContestPlatform.Judging.Tests.Conflicts;

public class ConflictRulesTests
{
    private static EntryProfile Entry(string? organisation = null, string? taxCode = null, string? commune = null) =>
        new(10, "Y tế", Affiliation.Of(organisation, taxCode, commune));

    private static JudgeProfile Judge(string? organisation = null, string? taxCode = null, string? commune = null, params int[] declared) =>
        new(1, Affiliation.Of(organisation, taxCode, commune), declaredConflicts: declared);

    [Fact]
    public void Unrelated_judge_has_no_conflict()
    {
        Assert.Empty(ConflictRules.Find(Judge("Sở Y tế", "0101234567", "Phường Phan Đình Phùng"), Entry("Sở Giáo dục", "0207654321", "Xã Đại Phúc")));
        Assert.False(ConflictRules.IsConflicted(Judge("Sở Y tế"), Entry("Sở Giáo dục")));
    }

    [Fact]
    public void Declared_conflict_is_reported()
    {
        var conflict = Assert.Single(ConflictRules.Find(Judge(declared: 10), Entry()));
        Assert.Equal(ConflictReason.Declared, conflict.Reason);
        Assert.Equal("Giám khảo tự khai báo xung đột lợi ích", conflict.Label);
    }

    [Theory]
    [InlineData("Sở Y tế Thái Nguyên", "so y te thai nguyen")]
    [InlineData("  Trường Đại học Nông Lâm ", "TRUONG DAI HOC NONG LAM")]
    [InlineData("Bệnh viện  Đa khoa", "benh vien da khoa")]
    public void Same_organisation_ignores_case_diacritics_and_spacing(string judge, string entry)
    {
        var conflict = Assert.Single(ConflictRules.Find(Judge(judge), Entry(entry)));
        Assert.Equal(ConflictReason.SameOrganisation, conflict.Reason);
        Assert.Equal("Cùng cơ quan, đơn vị với người dự thi", conflict.Label);
    }

    [Fact]
    public void Same_tax_code_compares_digits_only()
    {
        var conflict = Assert.Single(ConflictRules.Find(Judge(taxCode: "0101 234-567"), Entry(taxCode: "MST: 0101234567")));
        Assert.Equal(ConflictReason.SameTaxCode, conflict.Reason);
    }

    [Fact]
    public void Blank_tax_codes_never_match()
    {
        Assert.Empty(ConflictRules.Find(Judge(taxCode: "---"), Entry(taxCode: "không có")));
    }

    [Fact]
    public void Same_commune_is_a_conflict()
    {
        var conflict = Assert.Single(ConflictRules.Find(Judge(commune: "Phường Phan Đình Phùng"), Entry(commune: "phuong phan dinh phung")));
        Assert.Equal(ConflictReason.SameCommune, conflict.Reason);
        Assert.Equal("Cùng xã, phường với người dự thi", conflict.Label);
    }

    [Fact]
    public void Every_reason_is_listed_in_order()
    {
        var conflicts = ConflictRules.Find(Judge("Sở Y tế", "0101234567", "Xã Đại Phúc", 10), Entry("SỞ Y TẾ", "0101234567", "Xa Dai Phuc"));
        Assert.Equal(
            [ConflictReason.Declared, ConflictReason.SameOrganisation, ConflictReason.SameTaxCode, ConflictReason.SameCommune],
            conflicts.Select(c => c.Reason));
    }

    [Fact]
    public void Any_author_organisation_counts()
    {
        var entry = new EntryProfile(10, affiliation: new Affiliation(["Công ty A", "Trường THPT Chu Văn An"], [], []));
        Assert.True(ConflictRules.IsConflicted(Judge("trường thpt chu văn an"), entry));
    }

    [Fact]
    public void Declaring_a_conflict_later_adds_it()
    {
        var judge = Judge().WithDeclaredConflict(10);
        Assert.True(ConflictRules.IsConflicted(judge, Entry()));
    }

    [Fact]
    public void Ids_must_be_positive()
    {
        Assert.Throws<JudgingException>(() => new JudgeProfile(0));
        Assert.Throws<JudgingException>(() => new EntryProfile(-1));
    }

    [Fact]
    public void Expertise_ignores_case_and_diacritics()
    {
        var judge = new JudgeProfile(1, expertCategories: ["Y tế"]);
        Assert.True(judge.IsExpertIn("y te"));
        Assert.False(judge.IsExpertIn("Giáo dục"));
        Assert.False(judge.IsExpertIn(""));
    }
}
