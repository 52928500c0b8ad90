using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Infrastructure;

public static class StaleForm
{
    /// <summary>
    /// Refuses a form based on a version someone else has saved since: the message above the form and 409
    /// Conflict, which <see cref="RefusedFormStatus"/> leaves as it is (other refusals get its 422).
    /// </summary>
    public static void RefuseStale(this PageModel page, string message)
    {
        page.ModelState.AddModelError(string.Empty, message);
        page.Response.StatusCode = StatusCodes.Status409Conflict;
    }
}
