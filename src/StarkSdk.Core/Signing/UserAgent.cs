using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StarkSdk.Core;

/// <summary>The User-Agent, e.g. <c>StarkSdk.Bank-DotNet/0.1.0 (.NET 10.0.1)</c>.</summary>
internal static class UserAgent
{
    private static readonly string Runtime = Sanitize(RuntimeInformation.FrameworkDescription);

    private static readonly string Plain = "StarkSdk.Core-DotNet/" + StarkDiagnostics.RuntimeVersion + " (" + Runtime + ")";

    // Built once per API descriptor rather than once per request.
    private static readonly ConditionalWeakTable<ApiDescriptor, string> PerApi = new ConditionalWeakTable<ApiDescriptor, string>();

    internal static string For(ApiDescriptor? api) =>
        api is null ? Plain : PerApi.GetValue(api, static a => a.Name + "-DotNet/" + a.SdkVersion + " (" + Runtime + ")");

    private static string Sanitize(string value) => value.Replace('(', '[').Replace(')', ']').Trim();
}
