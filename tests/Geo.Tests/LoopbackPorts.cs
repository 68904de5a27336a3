using System.Net;
using System.Net.Sockets;

namespace Geo.Tests;

/// <summary>Ports on 127.0.0.1 nobody listens on at the moment of asking.</summary>
public static class LoopbackPorts
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
