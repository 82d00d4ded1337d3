using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Spec.Tests;

/// <summary>
/// The validator and the converter do what ExampleTests relies on: JsonSchema.Net applies the draft 2020-12
/// keywords the spec uses, and the converter keeps what matters and drops what OpenAPI adds.
/// These tests use a small inline spec, not the specs under test.
/// </summary>
[TestFixture]
public class ValidatorSelfTests
{
    private static readonly JObject MiniSpec = JObject.Parse("""
    {
      "openapi": "3.1.0",
      "components": {
        "schemas": {
          "Status": { "type": "string", "enum": ["created", "paid"] },
          "Money": { "type": "integer", "format": "int64" },
          "Item": {
            "type": "object",
            "required": ["amount"],
            "xml": { "name": "item" },
            "example": { "amount": "not validated: OpenAPI-only keyword" },
            "properties": {
              "id": { "type": "string", "readOnly": true },
              "amount": { "$ref": "#/components/schemas/Money" },
              "status": { "$ref": "#/components/schemas/Status", "description": "a $ref with siblings" },
              "example": { "type": "string" },
              "due": { "type": ["string", "null"], "anyOf": [{ "format": "date" }, { "format": "date-time" }] },
              "kind": { "const": "item" },
              "child": { "$ref": "#/components/schemas/Item" }
            },
            "additionalProperties": false
          },
          "Pet": {
            "oneOf": [{ "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" }],
            "discriminator": { "propertyName": "kind", "mapping": { "cat": "#/components/schemas/Cat" } }
          },
          "Cat": { "type": "object", "required": ["kind"], "properties": { "kind": { "const": "cat" } } },
          "Dog": { "type": "object", "required": ["kind"], "properties": { "kind": { "const": "dog" } } },
          "Stamp": { "type": "string", "format": "date-time" },
          "Day": { "type": "string", "format": "date" }
        }
      }
    }
    """);

    // (description, schema name, instance, valid?)
    private static readonly (string Name, string Schema, string Instance, bool Valid)[] Cases =
    {
        ("valid item with readOnly id and a property named example", "Item", """{"id": "1", "amount": 100, "status": "paid", "example": "x", "due": "2020-10-28", "kind": "item"}""", true),
        ("type array allows null", "Item", """{"amount": 1, "due": null}""", true),
        ("date-time accepted by anyOf", "Item", """{"amount": 1, "due": "2020-10-28T17:59:26.249976+00:00"}""", true),
        ("anyOf of formats rejects a non-date", "Item", """{"amount": 1, "due": "tomorrow"}""", false),
        ("required", "Item", """{"status": "paid"}""", false),
        ("integer via $ref", "Item", """{"amount": 1.5}""", false),
        ("enum via $ref with siblings", "Item", """{"amount": 1, "status": "lost"}""", false),
        ("const", "Item", """{"amount": 1, "kind": "other"}""", false),
        ("additionalProperties false", "Item", """{"amount": 1, "unknown": true}""", false),
        ("recursive $ref", "Item", """{"amount": 1, "child": {"amount": "x"}}""", false),
        ("oneOf picks exactly one", "Pet", """{"kind": "cat"}""", true),
        ("oneOf matching none", "Pet", """{"kind": "cow"}""", false),
        ("format date-time rejects a space separator", "Stamp", "\"2020-10-28 17:59:26.249976+00:00\"", false),
        ("format date rejects a date-time", "Day", "\"2020-10-28T17:59:26+00:00\"", false),
        ("format date-time accepts microseconds and an offset", "Stamp", "\"2020-10-28T17:59:26.249976+00:00\"", true),
    };

    public static IEnumerable<TestCaseData> SelfCases() =>
        Cases.Select(c => new TestCaseData(c.Name, c.Schema, c.Instance, c.Valid));

    [TestCaseSource(nameof(SelfCases))]
    public void ValidatorAppliesKeyword(string name, string schemaName, string instance, bool valid)
    {
        var document = JsonSchemaConverter.ToJsonSchemaDocument(MiniSpec, new JObject { ["$ref"] = $"#/components/schemas/{schemaName}" });
        var errors = SchemaValidator.Validate(JToken.Parse(instance), document);
        if (valid)
            Assert.That(errors, Is.Empty, name + "\n" + document);
        else
            Assert.That(errors, Is.Not.Empty, name + ": expected a validation error\n" + document);
    }

    [Test]
    public void ConverterDropsOpenApiKeywordsAndRewritesRefs()
    {
        var document = JsonSchemaConverter.ToJsonSchemaDocument(MiniSpec, MiniSpec["components"]!["schemas"]!["Pet"]!);
        Assert.Multiple(() =>
        {
            Assert.That((string?)document["$schema"], Is.EqualTo(JsonSchemaConverter.Draft202012));
            Assert.That(document.ContainsKey("discriminator"), Is.False);
            Assert.That((string?)document["oneOf"]![0]!["$ref"], Is.EqualTo("#/$defs/Cat"));
            Assert.That(((JObject)document["$defs"]!).Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "Cat", "Dog" }));
        });
        var item = JsonSchemaConverter.ToJsonSchemaDocument(MiniSpec, new JObject { ["$ref"] = "#/components/schemas/Item" });
        var defs = (JObject)item["$defs"]!;
        Assert.Multiple(() =>
        {
            Assert.That(defs.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "Item", "Money", "Status" }));
            Assert.That(defs["Item"]!["xml"], Is.Null);
            Assert.That(defs["Item"]!["example"], Is.Null, "schema-level example dropped");
            Assert.That(defs["Item"]!["properties"]!["example"], Is.Not.Null, "a property named example is kept");
            Assert.That((bool?)defs["Item"]!["properties"]!["id"]!["readOnly"], Is.True, "readOnly kept");
        });
    }

    [Test]
    public void YamlScalarsFollowTheCoreSchema()
    {
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new System.IO.StringReader("a: 2020-10-28\nb: '100'\nc: 100\nd: null\ne: true\nf: 1.5\ng: 2020-10-28 17:59:26+00:00\nh: yes\ni: 5155165527080960\n"));
        var json = (JObject)YamlJson.ToJson(yaml.Documents[0].RootNode);
        Assert.Multiple(() =>
        {
            Assert.That(json["a"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That(json["b"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That(json["c"]!.Type, Is.EqualTo(JTokenType.Integer));
            Assert.That(json["d"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That(json["e"]!.Type, Is.EqualTo(JTokenType.Boolean));
            Assert.That(json["f"]!.Type, Is.EqualTo(JTokenType.Float));
            Assert.That(json["g"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That(json["h"]!.Type, Is.EqualTo(JTokenType.String), "YAML 1.2: yes is a string");
            Assert.That((long)json["i"]!, Is.EqualTo(5155165527080960L));
            Assert.That(YamlJson.LineOf(json["c"]), Is.EqualTo(3));
        });
    }
}
