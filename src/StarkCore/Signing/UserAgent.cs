using System.Runtime.InteropServices;

namespace StarkCore;

/// <summary>The User-Agent, e.g. <c>StarkBank-DotNet/0.1.0 (.NET 10.0.1)</c>.</summary>
internal static class UserAgent
{
    private static readonly string Runtime = Sanitize(RuntimeInformation.FrameworkDescription);

    internal static string For(ApiDescriptor? api) =>
        api is null
            ? "StarkCore-DotNet/" + StarkDiagnostics.RuntimeVersion + " (" + Runtime + ")"
            : api.Name + "-DotNet/" + api.SdkVersion + " (" + Runtime + ")";

    private static string Sanitize(string value) => value.Replace('(', '[').Replace(')', ']').Trim();
}
