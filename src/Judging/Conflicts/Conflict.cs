namespace ContestPlatform.Judging.Conflicts;

/// <summary>Why a judge must not score an entry, with the label organizers see.</summary>
public sealed record Conflict(ConflictReason Reason)
{
    public string Label => Reason switch
    {
        ConflictReason.Declared => "Giám khảo tự khai báo xung đột lợi ích",
        ConflictReason.SameOrganisation => "Cùng cơ quan, đơn vị với người dự thi",
        ConflictReason.SameTaxCode => "Cùng mã số thuế với người dự thi",
        ConflictReason.SameCommune => "Cùng xã, phường với người dự thi",
        _ => throw new ArgumentOutOfRangeException(nameof(Reason), Reason, null),
    };
}
