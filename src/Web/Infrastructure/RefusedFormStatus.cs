using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Infrastructure;

/// <summary>
/// A form sent back with messages answers 422, not 200: the SPEC's "4xx where it applies" for every
/// page at once, so a page cannot forget it and a script or proxy can tell a refused post from a saved one.
/// Applies to a POST handler whose result is the page itself, with no status of its own, and whose
/// ModelState holds an error; a handler that chose a status (409 for a stale form, 413, …), on the
/// result or on the response, keeps it.
/// </summary>
public sealed class RefusedFormStatus : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context) { }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.Result is PageResult { StatusCode: null } page
            && context.HttpContext.Response.StatusCode == StatusCodes.Status200OK
            && HttpMethods.IsPost(context.HttpContext.Request.Method)
            && !context.ModelState.IsValid)
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
    }
}
