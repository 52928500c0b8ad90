using ContestPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Audit;

public sealed record AuditVerification(long Checked, long? FirstBadSequence, string? Problem)
{
    public bool IsIntact => FirstBadSequence is null;
}

/// <summary>Recomputes the chain from the first line and names the first line that does not fit.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        long expected = 1, count = 0;
        var previous = "";
        await foreach (var entry in db.AuditLog.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (entry.Sequence != expected)
                return new(count, expected, $"thiếu mục số {expected} (mục tiếp theo mang số {entry.Sequence}) — có mục đã bị xóa");
            if (entry.PreviousHash != previous)
                return new(count, entry.Sequence, "không khớp với mã băm của mục trước — chuỗi đã bị chèn hoặc sắp xếp lại");
            if (AuditLog.ComputeHash(entry) != entry.Hash)
                return new(count, entry.Sequence, "nội dung đã bị sửa sau khi ghi");
            previous = entry.Hash;
            expected++;
        }
        return new(count, null, null);
    }
}
