using System.Diagnostics;
using ContestPlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestPlatform.Web.Pages;

/// <summary>Every error and status page, in Vietnamese, with the status code kept.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
[DisableFormValueModelBinding]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Show(code);

    // The status page re-executes with the original method, so a failed POST lands here too.
    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        // Re-executed status pages keep the original status; the exception handler has already set 500.
        Code = code is >= 400 and < 600 ? code.Value : 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }

    public (string Title, string Text) Message => Code switch
    {
        400 => ("Yêu cầu không hợp lệ", "Biểu mẫu đã hết hạn hoặc thiếu mã bảo mật. Vui lòng tải lại trang và thử lại."),
        403 => ("Không có quyền truy cập", "Tài khoản của bạn không có quyền xem trang này. Nếu cho rằng đây là nhầm lẫn, hãy liên hệ Tổ thư ký."),
        404 => ("Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã được chuyển đi."),
        405 => ("Thao tác không được hỗ trợ", "Trang này không hỗ trợ thao tác bạn vừa thực hiện."),
        413 => ("Tệp quá lớn", "Tệp gửi lên vượt quá dung lượng cho phép."),
        429 => ("Quá nhiều yêu cầu", "Bạn thao tác quá nhanh. Vui lòng đợi một lát rồi thử lại."),
        _ => ("Đã có lỗi xảy ra", "Hệ thống gặp sự cố ngoài ý muốn. Dữ liệu của bạn không bị mất; vui lòng thử lại sau ít phút."),
    };
}
