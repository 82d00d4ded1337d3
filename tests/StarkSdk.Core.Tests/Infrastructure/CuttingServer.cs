using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.Core.Tests.Infrastructure;

/// <summary>
/// What WireMock.Net cannot express: an HTTP/1.1 answer whose headers announce a Content-Length and whose connection is then
/// reset after part of the body. The first <c>cuts</c> connections are cut that way; later ones get the whole body.
/// Loopback only; serves one request per connection.
/// </summary>
public sealed class CuttingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _body;
    private int _cutsLeft;
    private int _requests;

    public CuttingServer(string body, int cuts)
    {
        _body = Encoding.UTF8.GetBytes(body);
        _cutsLeft = cuts;
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync();
    }

    public Uri BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[16 * 1024];
            var received = new StringBuilder();
            while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            Interlocked.Increment(ref _requests);
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {_body.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head, _stop.Token);
            if (Interlocked.Decrement(ref _cutsLeft) >= 0)
            {
                await stream.WriteAsync(_body.AsMemory(0, _body.Length / 2), _stop.Token);
                await stream.FlushAsync(_stop.Token);
                client.Client.LingerState = new LingerOption(true, 0); // close with RST: the body never completes
                return;
            }

            await stream.WriteAsync(_body, _stop.Token);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
