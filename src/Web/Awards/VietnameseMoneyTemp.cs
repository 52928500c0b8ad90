namespace ContestPlatform.Web.Awards;

// TEMPORARY stand-in until the awards-print branch lands its tested implementation (deleted at that merge).
public static class VietnameseMoney
{
    public static string Format(long dong) => ContestPlatform.Web.Infrastructure.VietnameseFormat.Money(dong);
    public static string ToWords(long dong) => dong.ToString() + " đồng";
}
