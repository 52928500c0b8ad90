using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using ContestPlatform.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace ContestPlatform.Web.Pages.Account.Manage;

public sealed class EnableAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    /// <summary>The name authenticator apps show above the code; ASCII so every app renders it.</summary>
    public const string Issuer = "DMST Thai Nguyen";

    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The Base32 key in groups of four, for typing into an app by hand.</summary>
    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public bool AlreadyEnabled { get; private set; }

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required]
        [StringLength(10)]
        [Display(Name = "Mã xác thực")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Account/Login");
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Account/Login");
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        var code = OneTimeCodes.Digits(Input.Code);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError("Input.Code", "Mã xác thực gồm 6 chữ số.");
            await LoadKeyAsync(user);
            return Page();
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", "Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại đã đúng chưa và nhập mã mới nhất đang hiển thị trong ứng dụng.");
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        // The sign-in cookie carries two_factor_enabled, which the staff-area gate reads.
        await signIn.RefreshSignInAsync(user);

        if (await users.CountRecoveryCodesAsync(user) == 0)
        {
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToArray();
            StatusMessage = "Đã bật xác thực hai lớp.";
            return RedirectToPage("./ShowRecoveryCodes");
        }
        StatusMessage = "Đã bật xác thực hai lớp. Ứng dụng xác thực trên điện thoại này đã sẵn sàng.";
        return RedirectToPage("./TwoFactorAuthentication");
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        AlreadyEnabled = user.TwoFactorEnabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = FormatKey(key!);

        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(user.Email!)}" +
                  $"?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.Q, 5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
                result.Append(' ');
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return result.ToString().ToUpperInvariant();
    }
}
