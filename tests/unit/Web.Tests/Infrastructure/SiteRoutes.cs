using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Infrastructure;

/// <summary>
/// Every page route the app actually maps, read from its endpoint table, so access and antiforgery
/// tests cover pages added later without anyone remembering to list them.
/// </summary>
public static partial class SiteRoutes
{
    public static IReadOnlyList<string> All(TestSite site) =>
        site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText)
            .OfType<string>()
            .Where(r => !r.StartsWith("_", StringComparison.Ordinal) && r != "healthz")
            .Select(r => "/" + r.TrimStart('/'))
            .Distinct()
            .Order()
            .ToList();

    /// <summary>Routes under a prefix, with parameters filled by sample values (ids that usually do not exist).</summary>
    public static IReadOnlyList<string> Under(TestSite site, string prefix) =>
        All(site).Where(r => r == prefix || r.StartsWith(prefix + "/", StringComparison.Ordinal)).Select(Fill).Distinct().ToList();

    /// <summary>Routes without parameters: pages a person can open from a link.</summary>
    public static IReadOnlyList<string> Parameterless(TestSite site) =>
        All(site).Where(r => !r.Contains('{')).ToList();

    private static string Fill(string route) =>
        Parameter().Replace(route, m => m.Value.Contains(":int") ? "1" : "x").Replace("/x?", "").Replace("?", "");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
