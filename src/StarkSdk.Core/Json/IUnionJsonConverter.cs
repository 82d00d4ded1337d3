using System;
using System.ComponentModel;

namespace StarkSdk.Core;

/// <summary>
/// What the generated converter of a discriminated union (<c>oneOf</c> + <c>discriminator</c>) tells the reflection
/// fallback (<see cref="StarkJson.Reflection"/>): the discriminator's name and the class of each of its values.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IUnionJsonConverter
{
    /// <summary>The discriminator's JSON name, e.g. <c>subscription</c>.</summary>
    string DiscriminatorName { get; }

    /// <summary>The class of a discriminator value; the union class itself for an unknown or missing value.</summary>
    /// <param name="discriminator">The value, or null.</param>
    /// <returns>The class to create.</returns>
    Type CaseType(string? discriminator);
}
