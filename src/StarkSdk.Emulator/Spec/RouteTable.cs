using System;
using System.Collections.Generic;
using System.Linq;

namespace StarkSdk.Emulator.Spec;

/// <summary>Matches request paths to the spec's operations. Literal segments win over parameters (<c>/invoice/log</c> before <c>/invoice/{id}</c>).</summary>
public sealed class RouteTable
{
    private readonly IReadOnlyList<SpecOperation> _operations;

    /// <summary>Builds the table of a spec.</summary>
    public RouteTable(ApiSpec spec)
    {
        // Most literal first: at each segment a literal beats a parameter.
        _operations = spec.Operations
            .OrderBy(o => string.Concat(o.Segments.Select(s => s.StartsWith("{", StringComparison.Ordinal) ? '1' : '0')), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The result of a match.</summary>
    public sealed record Match(SpecOperation Operation, IReadOnlyDictionary<string, string> PathValues);

    /// <summary>Finds the operation for a method and path; <paramref name="pathExists"/> tells a wrong method from an unknown path.</summary>
    public Match? Find(string method, string path, out bool pathExists)
    {
        pathExists = false;
        var segments = path.Trim('/').Split('/');
        foreach (var op in _operations)
        {
            var values = TryMatch(op, segments);
            if (values == null)
                continue;
            pathExists = true;
            if (string.Equals(op.Method, method, StringComparison.OrdinalIgnoreCase))
                return new Match(op, values);
        }
        return null;
    }

    private static Dictionary<string, string>? TryMatch(SpecOperation op, string[] segments)
    {
        if (op.Segments.Count != segments.Length)
            return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            var template = op.Segments[i];
            if (template.StartsWith("{", StringComparison.Ordinal) && template.EndsWith("}", StringComparison.Ordinal))
            {
                if (segments[i].Length == 0)
                    return null;
                values[template.Substring(1, template.Length - 2)] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(template, segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }
        return values;
    }
}
