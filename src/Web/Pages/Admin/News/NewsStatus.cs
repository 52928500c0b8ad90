using ContestPlatform.Web.Content.News;
using ContestPlatform.Web.Infrastructure;

namespace ContestPlatform.Web.Pages.Admin.News;

public static class NewsStatus
{
    public static string Saved(NewsPost post, DateTime nowUtc) => post.PublishAt <= nowUtc
        ? $"Đã lưu tin “{post.Title}”; tin đang hiển thị tại /tin-tuc/{post.Slug}."
        : $"Đã lưu tin “{post.Title}”; tin sẽ tự động đăng lúc {VietnameseFormat.DateAndTime(post.PublishAt)}.";
}
