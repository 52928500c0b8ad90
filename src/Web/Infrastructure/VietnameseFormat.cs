using System.Globalization;

namespace ContestPlatform.Web.Infrastructure;

/// <summary>
/// How the site writes dates and money: dd/MM/yyyy in Vietnam time (UTC+7, no daylight saving) and
/// amounts as "30.000.000 đồng".
/// </summary>
public static class VietnameseFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime ToVietnam(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    /// <summary>A wall-clock time typed in Vietnam (e.g. from a datetime-local input) as UTC.</summary>
    public static DateTime FromVietnam(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    public static string Date(DateTime utc) => ToVietnam(utc).ToString("dd/MM/yyyy", Culture);

    public static string DateAndTime(DateTime utc) => ToVietnam(utc).ToString("HH:mm 'ngày' dd/MM/yyyy", Culture);

    /// <summary>
    /// An end of a window: a deadline at midnight reads "hết ngày 31/07/2025" (the day it closes after),
    /// which is how Vietnamese notices state deadlines; any other time reads "17:00 ngày 31/07/2025".
    /// </summary>
    public static string Deadline(DateTime utc)
    {
        var local = ToVietnam(utc);
        return local.TimeOfDay == TimeSpan.Zero
            ? "hết ngày " + local.AddDays(-1).ToString("dd/MM/yyyy", Culture)
            : DateAndTime(utc);
    }

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    public static string Money(decimal amount) => amount.ToString("#,0", Culture) + " đồng";

    public static string Number(decimal value) => value.ToString("0.##", Culture);

    /// <summary>Value for an &lt;input type="datetime-local"&gt; in Vietnam time.</summary>
    public static string InputValue(DateTime utc) => ToVietnam(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
