namespace ContestPlatform.Web.Entries;

/// <summary>Loại đối tượng dự thi (SPEC).</summary>
public enum EntrantType
{
    Individual = 1,
    AuthorGroup = 2,
    StateAgency = 3,
    Enterprise = 4,
    Cooperative = 5,
    ScienceOrganisation = 6,
    Association = 7,
}

public static class EntrantTypeLabels
{
    public static string Of(EntrantType type) => type switch
    {
        EntrantType.Individual => "Cá nhân",
        EntrantType.AuthorGroup => "Nhóm tác giả",
        EntrantType.StateAgency => "Cơ quan nhà nước / đơn vị sự nghiệp",
        EntrantType.Enterprise => "Doanh nghiệp",
        EntrantType.Cooperative => "Hợp tác xã",
        EntrantType.ScienceOrganisation => "Tổ chức KH&CN / trường học / bệnh viện",
        EntrantType.Association => "Hội, hiệp hội",
        _ => type.ToString(),
    };
}
