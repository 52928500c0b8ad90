namespace ContestPlatform.Web.Pages.Account;

internal static class OneTimeCodes
{
    /// <summary>People copy codes as "123 456" or "123-456"; only the digits count.</summary>
    public static string Digits(string? code) => new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
