using ContestPlatform.Judging.Participants;

namespace ContestPlatform.Judging.Tests.Builders;

/// <summary>Judges and entries for assignment tests.</summary>
internal static class Pools
{
    public static readonly string[] Categories = ["Y tế", "Giáo dục - đào tạo", "Nông lâm nghiệp"];

    public static List<JudgeProfile> Judges(int count) =>
        [.. Enumerable.Range(1, count).Select(id => new JudgeProfile(id))];

    public static List<EntryProfile> Entries(int count, string? category = null) =>
        [.. Enumerable.Range(1, count).Select(id => new EntryProfile(100 + id, category))];

    /// <summary>
    /// A random pool: judges with 0–2 expert categories, entries in random categories, and conflicts — declared
    /// with the given probability, plus an occasional shared organisation.
    /// </summary>
    public static (List<EntryProfile> Entries, List<JudgeProfile> Judges) Random(
        int seed, int entries, int judges, double declaredRate = 0.1)
    {
        var random = new Random(seed);
        var entryList = Enumerable.Range(1, entries)
            .Select(id => new EntryProfile(
                100 + id,
                Categories[random.Next(Categories.Length)],
                Affiliation.Of(organisation: $"Đơn vị {random.Next(entries * 2)}")))
            .ToList();
        var judgeList = Enumerable.Range(1, judges)
            .Select(id => new JudgeProfile(
                id,
                Affiliation.Of(organisation: $"don vi {random.Next(entries * 2)}"),
                Categories.Where(_ => random.NextDouble() < 0.35),
                entryList.Where(_ => random.NextDouble() < declaredRate).Select(e => e.Id)))
            .ToList();
        return (entryList, judgeList);
    }
}
