using Microsoft.CodeAnalysis;

namespace StarkSdk.Generator.Diagnostics
{
    /// <summary>
    /// A diagnostic as pipeline data: descriptor id, location and message arguments, all equatable. It becomes a
    /// <see cref="Diagnostic"/> only when reported.
    /// </summary>
    internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
            => new DiagnosticInfo(descriptor.Id, location, new EquatableArray<string>(arguments));

        public Diagnostic ToDiagnostic()
        {
            var descriptor = DiagnosticDescriptors.Find(Id) ?? DiagnosticDescriptors.ProcessingFailed;
            var args = new object[Arguments.Count];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = Arguments[i];
            }

            return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
        }
    }
}
