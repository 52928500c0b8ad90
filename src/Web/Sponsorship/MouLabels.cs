namespace ContestPlatform.Web.Sponsorship;

public static class MouLabels
{
    public static string Of(MouStatus status) => status switch
    {
        MouStatus.Draft => "Dự thảo",
        MouStatus.Signed => "Đã ký",
        MouStatus.InProgress => "Đang thực hiện",
        MouStatus.Completed => "Hoàn thành",
        _ => status.ToString(),
    };

    public static string Of(SponsorshipForm form) => form switch
    {
        SponsorshipForm.Cash => "Tiền",
        SponsorshipForm.InKind => "Hiện vật",
        SponsorshipForm.Mixed => "Tiền và hiện vật",
        _ => form.ToString(),
    };
}
