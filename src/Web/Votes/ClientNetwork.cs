using System.Net;
using System.Net.Sockets;

namespace ContestPlatform.Web.Votes;

/// <summary>The network a client address belongs to, for spotting bursts: /24 for IPv4, /48 for IPv6.</summary>
public static class ClientNetwork
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
            return "";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        Array.Clear(bytes, 6, bytes.Length - 6);
        return $"{new IPAddress(bytes)}/48";
    }
}
