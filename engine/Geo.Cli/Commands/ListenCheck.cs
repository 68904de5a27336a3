using System.Net;
using System.Net.Sockets;

namespace Geo.Cli.Commands;

/// <summary>
/// Whether 'geo serve' can listen on --host and --port, tried before the dataset is loaded so a wrong address or a
/// taken port is said at once, in one line, rather than after the audit has run.
/// </summary>
internal static class ListenCheck
{
    public static void Check(string host, int port)
    {
        if (!IPAddress.TryParse(host, out var address) || port is < 0 or > 65535) return;
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e)
        {
            throw new GeoInputException(Explain(host, port, e));
        }
    }

    /// <summary>What went wrong when listening, in the user's terms (the option to change), from the socket error.</summary>
    public static string Explain(string host, int port, Exception e)
    {
        var socket = e as SocketException;
        for (var inner = e.InnerException; socket is null && inner is not null; inner = inner.InnerException) socket = inner as SocketException;
        return socket?.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => $"cannot listen on {host}:{port}: the port is already in use; pick another --port (0 picks a free one)",
            SocketError.AddressNotAvailable => $"cannot listen on {host}:{port}: this machine has no address {host}; use --host 127.0.0.1, 0.0.0.0 or one of its own addresses",
            SocketError.AccessDenied => $"cannot listen on {host}:{port}: not allowed to use port {port} (ports below 1024 need administrator rights); pick another --port",
            _ => $"cannot listen on {host}:{port}: {socket?.Message ?? e.Message}",
        };
    }
}
