namespace ContestPlatform.Web.Infrastructure;

/// <summary>
/// The origin that links leaving the site start from (mails, the certificate's QR code):
/// <c>Site:PublicUrl</c> when it is configured, so a forged Host header cannot plant a foreign address
/// in a mail or a printed certificate; otherwise the scheme and host of the request.
/// </summary>
public static class PublicOrigin
{
    public static string Of(IConfiguration configuration, HttpRequest request)
    {
        var configured = configuration["Site:PublicUrl"];
        return string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}" : configured.TrimEnd('/');
    }
}
