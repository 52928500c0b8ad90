using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContestPlatform.Web.Infrastructure;

/// <summary>
/// Keeps MVC from reading the form before the page does (model binding would buffer every file), for pages
/// that read their multipart body themselves (<see cref="Sponsorship.StreamedFormReader"/>), and for the error
/// page, which a refused upload is re-executed into with its body half read.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DisableFormValueModelBindingAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
