using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator.Spec;

/// <summary>A query or path parameter of an operation, with its <c>$ref</c> resolved.</summary>
public sealed class SpecParameter
{
    internal SpecParameter(string name, string location, bool required, JToken schema)
    {
        Name = name;
        Location = location;
        Required = required;
        Schema = schema;
    }

    /// <summary>The parameter name, e.g. <c>limit</c>.</summary>
    public string Name { get; }

    /// <summary><c>query</c>, <c>path</c> or <c>header</c>.</summary>
    public string Location { get; }

    /// <summary>Whether the request must carry it.</summary>
    public bool Required { get; }

    /// <summary>The parameter's JSON schema (may hold a <c>$ref</c>).</summary>
    public JToken Schema { get; }
}
