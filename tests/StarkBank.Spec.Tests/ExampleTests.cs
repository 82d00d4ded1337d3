using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace StarkBank.Spec.Tests;

/// <summary>
/// Every example of the spec validates against its schema as JSON Schema 2020-12 (see JsonSchemaConverter for the
/// conversion and SchemaValidator for the validator and its licence quota). One test case per example, named
/// "operationId: request|response CODE MEDIA-TYPE example|examples/NAME" or by its place in components.
/// </summary>
[TestFixture]
public class ExampleTests
{
    public static IEnumerable<TestCaseData> Examples() =>
        ExampleCatalog.Cases.Keys.Select(label => new TestCaseData(label));

    [TestCaseSource(nameof(Examples))]
    public void ExampleValidatesAgainstItsSchema(string label)
    {
        var example = ExampleCatalog.Cases[label];
        if (example.Problem != null)
            Assert.Fail($"{label}{example.Location}: {example.Problem}");
        if (example.Schema == null)
            Assert.Fail($"{label}{example.Location}: an example without a schema to validate it against");

        var document = JsonSchemaConverter.ToJsonSchemaDocument(SpecFiles.Spec, example.Schema!);
        var errors = SchemaValidator.Validate(example.Value.DeepClone(), document);   // cloned: error paths relative to the example
        if (errors.Count > 0)
            Assert.Fail($"{label}{example.Location} does not validate against its schema{YamlJson.At(example.Schema)}:\n" + string.Join("\n", errors));
    }

    [Test]
    public void ExamplesStayWithinTheValidatorQuota()
    {
        // Newtonsoft.Json.Schema's free licence: 1000 validations per hour per process (see SchemaValidator).
        Assert.That(ExampleCatalog.Cases.Count + ValidatorSelfTests.CaseCount, Is.LessThan(SchemaValidator.Budget),
            "too many examples for one test process under Newtonsoft.Json.Schema's free quota: see SchemaValidator");
    }
}
