using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ContestPlatform.Web.Infrastructure;

/// <summary>
/// Vietnamese default messages for the usual validation attributes and for model binding, so a page
/// model only writes <c>[Required]</c> and <c>[Display(Name = "Họ và tên")]</c>.
/// </summary>
public sealed class VietnameseValidation : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null)
                continue;
            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => "Vui lòng nhập {0}.",
                StringLengthAttribute { MinimumLength: > 0 } => "{0} phải dài từ {2} đến {1} ký tự.",
                StringLengthAttribute => "{0} không được dài quá {1} ký tự.",
                MaxLengthAttribute => "{0} không được dài quá {1} ký tự.",
                MinLengthAttribute => "{0} phải có ít nhất {1} ký tự.",
                EmailAddressAttribute => "{0} không phải là địa chỉ email hợp lệ.",
                PhoneAttribute => "{0} không phải là số điện thoại hợp lệ.",
                RangeAttribute => "{0} phải nằm trong khoảng từ {1} đến {2}.",
                CompareAttribute => "{0} không khớp.",
                RegularExpressionAttribute => "{0} không đúng định dạng.",
                UrlAttribute => "{0} không phải là địa chỉ web hợp lệ.",
                _ => attribute.ErrorMessage,
            };
        }
    }

    public static void Apply(MvcOptions options)
    {
        options.ModelMetadataDetailsProviders.Add(new VietnameseValidation());
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(v => $"Giá trị “{v}” không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(f => $"{f} phải là một số.");
        messages.SetValueMustNotBeNullAccessor(f => $"Vui lòng nhập {f}.");
        messages.SetAttemptedValueIsInvalidAccessor((v, f) => $"Giá trị “{v}” không hợp lệ cho {f}.");
        messages.SetMissingBindRequiredValueAccessor(f => $"Thiếu giá trị cho {f}.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"Giá trị “{v}” không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
        messages.SetUnknownValueIsInvalidAccessor(f => $"Giá trị của {f} không hợp lệ.");
    }
}
