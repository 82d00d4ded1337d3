using System;

namespace StarkSdk.E2E.Tests.Infrastructure;

/// <summary>
/// The spec operations an end-to-end test exercises through the SDK. Not a label: <see cref="E2ETest"/> checks after
/// every passing test that each listed operation was really sent and answered 2xx, and <c>CoverageTests</c> checks that
/// every operationId of openapi/starkbank.yaml is listed on some test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CoversAttribute : Attribute
{
    public CoversAttribute(params string[] operationIds) => OperationIds = operationIds;

    public string[] OperationIds { get; }
}
