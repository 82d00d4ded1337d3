using System;
using System.Reflection;

namespace StarkSdk.Core;

/// <summary>Which API an SDK talks to: its name, base URLs and version root. Each SDK passes its own.</summary>
public sealed class ApiDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    /// <param name="name">The SDK's product token, e.g. <c>StarkBank</c>; used in the User-Agent as <c>{name}-DotNet/{sdkVersion}</c>.</param>
    /// <param name="sandboxUrl">The sandbox base URL, e.g. <c>https://sandbox.api.starkbank.com</c>.</param>
    /// <param name="productionUrl">The production base URL, e.g. <c>https://api.starkbank.com</c>.</param>
    /// <param name="sdkVersion">The SDK's version, e.g. <c>0.1.0</c>.</param>
    /// <param name="version">The API version root (default <c>v2</c>).</param>
    public ApiDescriptor(string name, Uri sandboxUrl, Uri productionUrl, string sdkVersion, string version = "v2")
    {
        Name = RequireToken(name, nameof(name));
        SandboxUrl = RequireAbsolute(sandboxUrl, nameof(sandboxUrl));
        ProductionUrl = RequireAbsolute(productionUrl, nameof(productionUrl));
        SdkVersion = RequireToken(sdkVersion, nameof(sdkVersion));
        Version = RequireToken(version, nameof(version));
    }

    /// <summary>The SDK's product token, e.g. <c>StarkBank</c>.</summary>
    public string Name { get; }

    /// <summary>The sandbox base URL.</summary>
    public Uri SandboxUrl { get; }

    /// <summary>The production base URL.</summary>
    public Uri ProductionUrl { get; }

    /// <summary>The API version root, e.g. <c>v2</c>.</summary>
    public string Version { get; }

    /// <summary>The SDK's version, e.g. <c>0.1.0</c>.</summary>
    public string SdkVersion { get; }

    /// <summary>The base URL for an environment.</summary>
    /// <param name="environment">Sandbox or production.</param>
    /// <returns>The base URL.</returns>
    public Uri BaseUrlFor(StarkEnvironment environment) => environment == StarkEnvironment.Production ? ProductionUrl : SandboxUrl;

    /// <summary>
    /// The version of an SDK assembly for <see cref="SdkVersion"/>: its informational version without build metadata
    /// (<c>0.1.0+abc123</c> → <c>0.1.0</c>), else its assembly version, else <c>0.0.0</c>.
    /// </summary>
    /// <param name="assembly">The SDK's assembly, e.g. <c>typeof(StarkBankClient).Assembly</c>.</param>
    /// <returns>The version.</returns>
    public static string VersionOf(Assembly assembly)
    {
        if (assembly is null)
        {
            throw new ArgumentNullException(nameof(assembly));
        }

        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }

    /// <summary>Describes the API.</summary>
    /// <returns>The name, version and SDK version.</returns>
    public override string ToString() => $"{Name} API {Version} (SDK {SdkVersion})";

    private static string RequireToken(string value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (value.Length == 0)
        {
            throw new ArgumentException("Must not be empty.", paramName);
        }

        foreach (var c in value)
        {
            if (c <= ' ' || c >= 127 || c == '/' || c == '(' || c == ')')
            {
                throw new ArgumentException("Must be a single token without spaces, '/' or parentheses.", paramName);
            }
        }

        return value;
    }

    private static Uri RequireAbsolute(Uri value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("Must be an absolute http(s) URL.", paramName);
        }

        return value;
    }
}
