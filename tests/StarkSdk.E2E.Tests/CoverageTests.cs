using System.Reflection;

namespace StarkSdk.E2E.Tests;

/// <summary>
/// Every operation of openapi/starkbank.yaml is exercised end to end. Statically: each operationId is listed in a
/// <see cref="CoversAttribute"/> of a test that runs both against the emulator and through Prism's proxy, and has a call
/// in the Prism mock catalog. Dynamically, <see cref="E2ETest"/> fails any passing test whose listed operations were not
/// sent and answered 2xx, so a listing cannot stand in for a call. No dependence on test order.
/// </summary>
public sealed class CoverageTests
{
    private static readonly IReadOnlyList<(Type Fixture, MethodInfo Test, string[] Operations)> Covering =
        typeof(CoverageTests).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(E2ETest).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Select(m => (Fixture: t, Test: m, Operations: m.GetCustomAttributes<CoversAttribute>().SelectMany(a => a.OperationIds).ToArray())))
            .Where(x => x.Operations.Length > 0)
            .ToList();

    [Test]
    public void Every_operation_of_the_spec_is_covered_by_an_end_to_end_test()
    {
        var covered = Covering.SelectMany(c => c.Operations).ToHashSet(StringComparer.Ordinal);

        var missing = OpenApiOperations.StarkBank.RouteIds.Where(id => !covered.Contains(id)).ToList();

        Assert.That(OpenApiOperations.StarkBank.RouteIds, Has.Count.GreaterThan(100), "the spec was read");
        Assert.That(missing, Is.Empty, "operations no end-to-end test exercises");
        TestContext.Out.WriteLine($"{OpenApiOperations.StarkBank.RouteIds.Count} operations, all covered by {Covering.Count} tests in {Covering.Select(c => c.Fixture).Distinct().Count()} fixtures.");
    }

    [Test]
    public void Covers_names_only_operations_of_the_spec()
    {
        var known = OpenApiOperations.StarkBank.RouteIds.ToHashSet(StringComparer.Ordinal);

        var unknown = Covering.SelectMany(c => c.Operations.Where(id => !known.Contains(id)).Select(id => $"{c.Fixture.Name}.{c.Test.Name}: {id}")).ToList();

        Assert.That(unknown, Is.Empty);
    }

    [Test]
    public void Covering_tests_are_real_tests_run_against_the_emulator_and_through_prism()
    {
        Assert.Multiple(() =>
        {
            foreach (var (fixture, test, _) in Covering)
            {
                Assert.That(test.GetCustomAttribute<TestAttribute>(), Is.Not.Null, $"{fixture.Name}.{test.Name} has [Covers] but is not a [Test]");
                var targets = fixture.GetCustomAttributes<TestFixtureAttribute>().SelectMany(a => a.Arguments).OfType<Target>().ToList();
                Assert.That(targets, Is.EquivalentTo(new[] { Target.Emulator, Target.PrismProxy }), $"{fixture.Name} runs against the emulator and through Prism's proxy");
            }
        });
    }

    [Test]
    public void The_prism_mock_catalog_calls_exactly_the_operations_of_the_spec()
    {
        Assert.That(OperationCatalog.Calls.Keys.OrderBy(k => k, StringComparer.Ordinal), Is.EqualTo(OpenApiOperations.StarkBank.RouteIds));
    }

    [Test]
    public void Every_operation_of_the_spec_has_a_generated_sdk_method()
    {
        var generated = typeof(StarkBankClient).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributesData().Where(a => a.AttributeType.Name == "StarkOperationAttribute"))
            .Select(a => (string)a.ConstructorArguments[0].Value!)
            .ToHashSet(StringComparer.Ordinal);

        Assert.That(OpenApiOperations.StarkBank.RouteIds.Where(id => !generated.Contains(id)), Is.Empty);
    }

    [Test]
    public void Requests_are_matched_to_the_spec_operation_with_the_most_specific_path()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OpenApiOperations.StarkBank.Match("GET", "/v2/invoice/log")?.OperationId, Is.EqualTo("queryInvoiceLogs"));
            Assert.That(OpenApiOperations.StarkBank.Match("GET", "/v2/invoice/log/123")?.OperationId, Is.EqualTo("getInvoiceLog"));
            Assert.That(OpenApiOperations.StarkBank.Match("GET", "/v2/invoice/123")?.OperationId, Is.EqualTo("getInvoice"));
            Assert.That(OpenApiOperations.StarkBank.Match("GET", "/v2/invoice/123/pdf")?.OperationId, Is.EqualTo("getInvoicePdf"));
            Assert.That(OpenApiOperations.StarkBank.Match("GET", "/v2/event/attempt")?.OperationId, Is.EqualTo("queryEventAttempts"));
            Assert.That(OpenApiOperations.StarkBank.Match("POST", "/v2/invoice/123"), Is.Null);
            Assert.That(OpenApiOperations.StarkBank.Match("GET", "/v2/unicorn"), Is.Null);
        });
    }

    [Test]
    public void The_per_test_check_reports_listed_operations_that_did_not_answer_2xx()
    {
        var recorder = new CallRecorder();
        recorder.Add(new RecordedCall("GET", "/v2/invoice/1", "", "getInvoice", 200, null, null));
        recorder.Add(new RecordedCall("POST", "/v2/invoice", "", "createInvoices", 400, null, null));
        recorder.Add(new RecordedCall("GET", "/v2/invoice", "", "queryInvoices", null, null, "HttpRequestException"));

        var missing = E2ETest.MissingOperations(new[] { "getInvoice", "createInvoices", "queryInvoices", "updateInvoice" }, recorder);

        Assert.That(missing, Is.EqualTo(new[] { "createInvoices", "queryInvoices", "updateInvoice" }));
    }
}
