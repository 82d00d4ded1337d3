using System;
using System.Net;
using System.Net.Http;
using System.Reflection;

namespace StarkSdk.Core;

/// <summary>
/// Settings the transport needs whatever its concrete type. The netstandard2.0 build also runs on .NET 6–9, where the handler
/// is a SocketsHttpHandler it cannot name, so properties are set by name.
/// </summary>
internal static class TransportSettings
{
    /// <summary>Turns off redirects (a redirect would replay signed headers to another host) and cookies (users must not share state).</summary>
    internal static void Harden(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case HttpClientHandler clientHandler:
                clientHandler.AllowAutoRedirect = false;
                clientHandler.UseCookies = false;
                return;
            default:
                Set(handler, "AllowAutoRedirect", false);
                Set(handler, "UseCookies", false);
                return;
        }
    }

    internal static HttpMessageHandler CreateTransport()
    {
#if !NET5_0_OR_GREATER
        // On .NET Core 2.1+ prefer SocketsHttpHandler for PooledConnectionLifetime: a long-lived static client must notice DNS changes.
        var socketsType = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);
        if (socketsType != null && IsSupported(socketsType))
        {
            try
            {
                var handler = (HttpMessageHandler)Activator.CreateInstance(socketsType)!;
                Set(handler, "PooledConnectionLifetime", TimeSpan.FromMinutes(5));
                Set(handler, "PooledConnectionIdleTimeout", TimeSpan.FromMinutes(1));
                Set(handler, "ConnectTimeout", TimeSpan.FromSeconds(10));
                Set(handler, "AutomaticDecompression", DecompressionMethods.GZip | DecompressionMethods.Deflate);
                Harden(handler);
                return handler;
            }
            catch (Exception ex) when (ex is TargetInvocationException || ex is PlatformNotSupportedException || ex is MissingMethodException)
            {
                // Fall through to the portable handler.
            }
        }

        var portable = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
        Harden(portable);
        return portable;
#else
        var transport = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        Harden(transport);
        return transport;
#endif
    }

    private static bool IsSupported(Type socketsType)
    {
        var property = socketsType.GetProperty("IsSupported", BindingFlags.Public | BindingFlags.Static);
        return property is null || (property.GetValue(null) is bool supported && supported);
    }

    private static void Set(object target, string name, object value)
    {
        var property = target.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        if (property != null && property.CanWrite && property.PropertyType.IsInstanceOfType(value))
        {
            property.SetValue(target, value);
        }
    }
}
