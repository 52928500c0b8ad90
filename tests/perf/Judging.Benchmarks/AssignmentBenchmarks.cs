using BenchmarkDotNet.Attributes;
using ContestPlatform.Judging.Assignment;
using ContestPlatform.Judging.Participants;

namespace ContestPlatform.Judging.Benchmarks;

/// <summary>Automatic assignment at the scale of a provincial contest: 500 entries, 30 judges, 3 per entry.</summary>
[MemoryDiagnoser]
public class AssignmentBenchmarks
{
    private static readonly string[] Categories = ["Y tế", "Giáo dục", "Nông nghiệp", "Công nghệ thông tin", "Cơ khí"];
    private List<EntryProfile> entries = null!;
    private List<JudgeProfile> judges = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        entries = [.. Enumerable.Range(1, 500).Select(id => new EntryProfile(
            id, Categories[random.Next(Categories.Length)], Affiliation.Of($"Đơn vị {random.Next(300)}", commune: $"Xã {random.Next(92)}")))];
        judges = [.. Enumerable.Range(1, 30).Select(id => new JudgeProfile(
            id,
            Affiliation.Of($"Đơn vị {random.Next(300)}", commune: $"Xã {random.Next(92)}"),
            [Categories[random.Next(Categories.Length)]],
            entries.Where(_ => random.NextDouble() < 0.02).Select(e => e.Id)))];
    }

    [Benchmark]
    public int Assign500Entries() => JudgeAssigner.Assign(entries, judges).Assignments.Count;
}
