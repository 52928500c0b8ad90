namespace ContestPlatform.Judging.Awards;

/// <summary>A prize level and how many entries it goes to, e.g. Giải Nhì × 2.</summary>
public sealed record AwardTier
{
    public AwardTier(string name, int places)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new JudgingException("Hạng giải chưa có tên.");
        if (places < 1 || places > 1000)
            throw new JudgingException($"Số giải của hạng \"{name.Trim()}\" phải từ 1 đến 1000.");
        Name = name.Trim();
        Places = places;
    }

    public string Name { get; }
    public int Places { get; }

    /// <summary>The first edition's prize structure: Nhất ×1, Nhì ×2, Ba ×3, Khuyến khích ×5.</summary>
    public static IReadOnlyList<AwardTier> Defaults { get; } =
    [
        new("Giải Nhất", 1),
        new("Giải Nhì", 2),
        new("Giải Ba", 3),
        new("Giải Khuyến khích", 5),
    ];
}
