using System;

namespace StarkSdk.Core;

/// <summary>
/// Marks a secret of a model (a password, a card number): <see cref="StarkJson.Describe"/>, which the generated
/// <c>ToString()</c> uses, leaves it out. Requests still send it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class SensitiveAttribute : Attribute
{
}
