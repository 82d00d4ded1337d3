namespace StarkSdk.Core;

/// <summary>
/// A closed set of string values that stays open to values added later by the API (an unknown value never crashes).
/// Generated enums implement it; with a public constructor taking the string, <see cref="StringEnumConverter"/> (de)serializes them.
/// </summary>
public interface IStringEnum
{
    /// <summary>The value as it is sent on the wire, e.g. <c>paid</c>.</summary>
    string Value { get; }
}
