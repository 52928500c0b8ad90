using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ContestPlatform.Web.Tests.Pages.Account;

/// <summary>
/// RFC 6238 as an authenticator app computes it: HMAC-SHA1 over the 30-second step of the Base32 key,
/// six digits. ASP.NET Core Identity 10 checks codes against the system clock (DateTimeOffset.UtcNow in
/// its AuthenticatorTokenProvider), not the TimeProvider in DI, so tests compute with the real clock.
/// </summary>
internal static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var step = (ulong)(at.ToUnixTimeSeconds() / 30);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6");
    }

    public static string Now(string base32Key) => Code(base32Key, DateTimeOffset.UtcNow);

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var index = alphabet.IndexOf(c);
            if (index < 0)
                throw new FormatException($"'{c}' is not Base32");
            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return bytes.ToArray();
    }
}
