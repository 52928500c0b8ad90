namespace ContestPlatform.Web.Accounts;

/// <summary>Role names as stored by Identity, with the labels users see.</summary>
public static class Roles
{
    public const string Entrant = "Entrant";
    public const string Judge = "Judge";
    public const string Committee = "Committee";
    public const string Organizer = "Organizer";

    public static readonly IReadOnlyList<string> All = [Entrant, Judge, Committee, Organizer];

    /// <summary>Roles whose holders an organizer may oblige to use two-factor sign-in.</summary>
    public static readonly IReadOnlyList<string> Staff = [Judge, Committee, Organizer];

    public static string Label(string role) => role switch
    {
        Entrant => "Thí sinh / Đơn vị dự thi",
        Judge => "Giám khảo",
        Committee => "Thành viên Ban Tổ chức",
        Organizer => "Tổ thư ký / Quản trị",
        _ => role,
    };

    /// <summary>Accepts the stored name in any case; returns null for anything else.</summary>
    public static string? Parse(string? value) =>
        All.FirstOrDefault(r => string.Equals(r, value?.Trim(), StringComparison.OrdinalIgnoreCase));
}

public static class Policies
{
    public const string Organizer = nameof(Organizer);
    public const string Judge = nameof(Judge);
    public const string Committee = nameof(Committee);
    public const string Entrant = nameof(Entrant);
}
