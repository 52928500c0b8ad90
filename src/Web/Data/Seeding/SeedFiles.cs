using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContestPlatform.Web.Data.Seeding;

/// <summary>The shapes of the seed files in <c>assets/</c>.</summary>
internal static class SeedFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public sealed record PrizesFile(IReadOnlyList<PrizeFile> Tiers);

    public sealed record PrizeFile(string Name, int Places, long AmountDong, Awards.Honour Honour, Awards.Funding Funding);

    public sealed record SponsorshipFile(SponsorFile Sponsor, MouFile Mou);

    public sealed record SponsorFile(string Name, string Description);

    public sealed record MouFile(
        string Place, string PartyAName, string PartyAAddress, string PartyARepresentative, string PartyAPosition,
        string Purpose, Sponsorship.SponsorshipForm Form, bool BenefitLogoOnSite, bool BenefitSpeechAtCeremony,
        bool BenefitRecognition, string ResponsibilitiesA, string ResponsibilitiesB);

    public sealed record ContestFile(
        string Name, string Edition, int Year, string Organiser, string StandingBody, string Address,
        List<string> LegalBases, string Introduction, int CommitteeSize, string EntryCodePrefix,
        List<PhaseFile> PhasesVietnamTime, RulesFile Rules);

    public sealed record PhaseFile(Contests.PhaseKind Kind, DateTime Starts, DateTime Ends);

    public sealed record RulesFile(string Title, string DecisionRef, DateOnly EffectiveDate, string File);

    public sealed record RubricFile(string Name, List<string> TieBreakOrder, List<CriterionFile> Criteria);

    public sealed record CriterionFile(
        string Code, string Name, string Description, decimal MaxPoints, decimal Step, decimal Weight,
        Judging.Rubrics.CriterionKind Kind, List<Judging.Rubrics.LevelDescriptor> Levels);

    public sealed record EventFile(
        string Slug, string Title, string Purpose, DateTime StartsVietnamTime, string TimeNote, string Place,
        string Format, string ExpectedAttendance, List<string> AttendeeGroups, List<AgendaFile> Agenda);

    public sealed record AgendaFile(string Content, string Presenter, string Note);

    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"Seed file {path} is empty.");

    /// <summary>Reads a Markdown file with a small "key: value" header between --- lines.</summary>
    public static (Dictionary<string, string> Header, string Body) ReadFrontMatter(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            return (header, text);
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        if (end < 0)
            throw new InvalidDataException($"{path}: front matter is not closed with ---.");
        foreach (var line in text[4..end].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
                header[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return (header, text[(end + 5)..].TrimStart('\n'));
    }
}
