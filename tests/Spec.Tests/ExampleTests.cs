using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace Spec.Tests;

/// <summary>
/// Every example of each spec (webhooks included) validates against its schema as JSON Schema 2020-12 (see
/// JsonSchemaConverter for the conversion and SchemaValidator for the validator and its licence quota). One test case
/// per example, named "(spec, operationId: request|response CODE MEDIA-TYPE example|examples/NAME)" or by its place in
/// components.
/// </summary>
[TestFixture]
public class ExampleTests
{
    public static IEnumerable<TestCaseData> Examples() =>
        SpecFiles.All.SelectMany(spec => ExampleCatalog.Cases(spec.Name).Keys.Select(label =>
            new TestCaseData(spec.Name, label).SetArgDisplayNames(spec.Name, label)));

    [TestCaseSource(nameof(Examples))]
    public void ExampleValidatesAgainstItsSchema(string specName, string label)
    {
        var spec = SpecFiles.Get(specName);
        var example = ExampleCatalog.Cases(specName)[label];
        if (example.Problem != null)
            Assert.Fail($"{label}{example.Location}: {example.Problem}");
        if (example.Schema == null)
            Assert.Fail($"{label}{example.Location}: an example without a schema to validate it against");

        var document = JsonSchemaConverter.ToJsonSchemaDocument(spec.Document, example.Schema!);
        var errors = SchemaValidator.Validate(example.Value.DeepClone(), document);   // cloned: error paths relative to the example
        if (errors.Count > 0)
            Assert.Fail($"{label}{example.Location} does not validate against its schema{YamlJson.At(example.Schema)}:\n" + string.Join("\n", errors));
    }

    [Test]
    public void ExamplesOfAllSpecsStayWithinTheValidatorQuota()
    {
        // Every spec's examples are validated in this one test process, and Newtonsoft.Json.Schema's free licence allows
        // 1000 validations per hour per process (see SchemaValidator): count them all, with the validator's self-tests.
        var perSpec = SpecFiles.All.Select(s => $"{s.Name}: {ExampleCatalog.Cases(s.Name).Count}").ToList();
        var total = SpecFiles.All.Sum(s => ExampleCatalog.Cases(s.Name).Count) + ValidatorSelfTests.CaseCount;
        Assert.That(total, Is.LessThan(SchemaValidator.Budget),
            $"too many examples for one test process under Newtonsoft.Json.Schema's free quota ({string.Join(", ", perSpec)}, "
            + $"self-tests: {ValidatorSelfTests.CaseCount}): see SchemaValidator");
    }
}
