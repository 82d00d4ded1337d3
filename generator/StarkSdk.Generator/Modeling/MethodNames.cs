using System;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>The C# method names an operation produces besides its own (shared by modeling, which checks clashes, and the emitters).</summary>
    internal static class MethodNames
    {
        /// <summary><c>Query</c> → <c>Page</c>, <c>QueryAttempts</c> → <c>PageAttempts</c>, anything else → <c>XPage</c>.</summary>
        public static string PageNameOf(string methodName)
            => methodName.StartsWith("Query", StringComparison.Ordinal) ? "Page" + methodName.Substring("Query".Length) : methodName + "Page";
    }
}
