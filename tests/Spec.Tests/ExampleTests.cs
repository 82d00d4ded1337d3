using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace Spec.Tests;

/// <summary>
/// Every example of each spec (webhooks included) validates against its schema as JSON Schema 2020-12 (see
/// JsonSchemaConverter for the conversion and SchemaValidator for the validator, JsonSchema.Net with formats asserted). One test case
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
}
