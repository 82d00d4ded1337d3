using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Tests;

/// <summary>The JSON Schema subset, keyword by keyword, on a small spec.</summary>
public sealed class SchemaValidatorTests
{
    private const string Yaml = @"
openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Status: {type: string, enum: [created, paid]}
    Thing:
      type: object
      required: [name, amount]
      properties:
        id: {type: string, readOnly: true}
        name: {type: string, minLength: 2, maxLength: 5}
        amount: {type: integer, format: int64, minimum: 1, maximum: 1000}
        small: {type: integer, format: int32}
        ratio: {type: number}
        flag: {type: boolean}
        nickname: {type: [string, 'null']}
        code: {type: string, pattern: '^\d{4}-\d{2}$'}
        due: {type: string, anyOf: [{format: date}, {format: date-time}]}
        when: {type: string, format: date-time}
        site: {type: string, format: uri}
        status: {$ref: '#/components/schemas/Status', readOnly: true}
        kind: {$ref: '#/components/schemas/Status'}
        tags: {type: array, minItems: 1, maxItems: 2, items: {type: string}}
        meta: {type: object, additionalProperties: true}
        strict: {type: object, additionalProperties: false, properties: {a: {type: string}}}
        counts: {type: object, additionalProperties: {type: integer}}
        fixed: {const: yes}
    Base:
      type: object
      required: [type]
      properties:
        type: {type: string}
        created: {type: string, readOnly: true}
    Cat:
      allOf:
      - $ref: '#/components/schemas/Base'
      - type: object
        required: [lives]
        properties:
          type: {const: cat}
          lives: {type: integer}
    Dog:
      allOf:
      - $ref: '#/components/schemas/Base'
      - type: object
        required: [bark]
        properties:
          type: {const: dog}
          bark: {type: string}
    Pet:
      oneOf:
      - $ref: '#/components/schemas/Cat'
      - $ref: '#/components/schemas/Dog'
      discriminator:
        propertyName: type
        mapping: {cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog'}
    Loose:
      anyOf:
      - {type: string}
      - {type: integer}
";

    private static readonly ApiSpec Spec = ApiSpec.Parse(new StringReader(Yaml));

    private static string[] Check(string json, string schema, bool strict = true, string? root = null)
    {
        var validator = new SchemaValidator(Spec, strict);
        return validator.ValidateInput(Json.Parse(json), new JObject { ["$ref"] = "#/components/schemas/" + schema }, root)
            .Select(e => e.Code + " " + e.Message).ToArray();
    }

    [Test]
    public void A_valid_object_has_no_errors() =>
        Assert.That(Check(@"{""name"": ""Bran"", ""amount"": 10, ""nickname"": null, ""due"": ""2024-01-02"", ""when"": ""2024-01-02T03:04:05.123456+00:00"",
            ""tags"": [""a""], ""meta"": {""anything"": [1]}, ""counts"": {""x"": 1}, ""fixed"": ""yes"", ""code"": ""2035-01"", ""site"": ""https://x.y/z"", ""ratio"": 1.5, ""flag"": true, ""kind"": ""paid""}", "Thing"),
            Is.Empty);

    [Test]
    public void Required_properties_are_reported_by_name() =>
        Assert.That(Check("{}", "Thing"), Is.EquivalentTo(new[] { "invalidName name: is required", "invalidAmount amount: is required" }));

    [Test]
    public void Types_are_checked_and_only_integer_literals_count_as_integers()
    {
        Assert.That(Check(@"{""name"": 5, ""amount"": 10}", "Thing"), Is.EqualTo(new[] { "invalidName name: must be a string; got the integer 5" }));
        Assert.That(Check(@"{""name"": ""Bran"", ""amount"": 10.5}", "Thing"), Has.One.StartsWith("invalidAmount amount: must be an integer"));
        // Stricter than JSON Schema on purpose: 10.0 and 1e18 are money computed in floating point (docs/emulator.md).
        Assert.That(Check(@"{""name"": ""Bran"", ""amount"": 10.0}", "Thing"), Has.One.StartsWith("invalidAmount amount: must be an integer"));
        Assert.That(Check(@"{""name"": ""Bran"", ""amount"": 1e18}", "Thing"), Has.One.StartsWith("invalidAmount amount: must be an integer"));
    }

    [Test]
    public void Integers_beyond_64_bits_and_decimal_range_are_field_errors()
    {
        Assert.That(Check(@"{""name"": ""Bran"", ""amount"": 9223372036854775808}", "Thing"), Has.One.StartsWith("invalidAmount amount: must fit in 64 bits"));
        Assert.That(Check(@"{""name"": ""Bran"", ""amount"": 79228162514264337593543950336}", "Thing"), Has.One.StartsWith("invalidAmount amount: is out of range"));
        Assert.That(Check(@"{""name"": ""Bran"", ""amount"": 1" + new string('0', 60) + "}", "Thing"), Has.One.StartsWith("invalidAmount amount: is out of range"));
    }

    [Test]
    public void Null_is_accepted_only_where_the_type_allows_it()
    {
        Assert.That(Check(@"{""name"": ""Bran"", ""amount"": 1, ""nickname"": null}", "Thing"), Is.Empty);
        Assert.That(Check(@"{""name"": null, ""amount"": 1}", "Thing"), Is.EqualTo(new[] { "invalidName name: must be a string; got null" }));
        Assert.That(Check(@"{""name"": ""Bran"", ""amount"": 1, ""flag"": null}", "Thing"), Has.One.StartsWith("invalidFlag flag: must be a boolean; got null"));
    }

    [Test]
    public void Bounds_lengths_and_patterns_are_checked()
    {
        var errors = Check(@"{""name"": ""B"", ""amount"": 0, ""small"": 3000000000, ""code"": ""35-1"", ""tags"": []}", "Thing");

        Assert.That(errors, Has.Some.StartsWith("invalidName name: must have at least 2 characters"));
        Assert.That(errors, Has.Some.StartsWith("invalidAmount amount: must be at least 1"));
        Assert.That(errors, Has.Some.StartsWith("invalidSmall small: must fit in 32 bits"));
        Assert.That(errors, Has.Some.StartsWith("invalidCode code: must match the pattern"));
        Assert.That(errors, Has.Some.StartsWith("invalidTags tags: must have at least one item"));
        Assert.That(Check(@"{""name"": ""Branden"", ""amount"": 1001, ""tags"": [""a"", ""b"", ""c""]}", "Thing"),
            Has.Some.StartsWith("invalidName name: must have at most 5").And.Some.StartsWith("invalidAmount amount: must be at most 1000").And.Some.StartsWith("invalidTags tags: must have at most 2"));
    }

    [Test]
    public void Formats_are_asserted()
    {
        var errors = Check(@"{""name"": ""Bran"", ""amount"": 1, ""when"": ""2024-13-01T00:00:00Z"", ""site"": ""not a url"", ""due"": ""soon""}", "Thing");

        Assert.That(errors, Has.Some.StartsWith("invalidWhen when: must be a date-time"));
        Assert.That(errors, Has.Some.StartsWith("invalidSite site: must be an absolute URL"));
        Assert.That(errors, Has.One.EqualTo("invalidDue due: must be a date (YYYY-MM-DD) or must be a date-time (ISO 8601, e.g. 2020-04-23T23:00:00.000000+00:00); got \"soon\""));
    }

    [Test]
    public void Enum_and_const_values_are_checked()
    {
        var errors = Check(@"{""name"": ""Bran"", ""amount"": 1, ""kind"": ""lost"", ""fixed"": ""no""}", "Thing");

        Assert.That(errors, Has.One.EqualTo("invalidKind kind: must be one of \"created\", \"paid\"; got \"lost\""));
        Assert.That(errors, Has.One.EqualTo("invalidFixed fixed: must be \"yes\"; got \"no\""));
    }

    [Test]
    public void Read_only_properties_are_removed_and_never_required()
    {
        var value = Json.Object(@"{""name"": ""Bran"", ""amount"": 1, ""id"": 5, ""status"": ""whatever""}");

        var errors = new SchemaValidator(Spec, true).ValidateInput(value, new JObject { ["$ref"] = "#/components/schemas/Thing" });

        Assert.That(errors, Is.Empty);
        Assert.That(value.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "name", "amount" }));
    }

    [Test]
    public void Unknown_properties_are_rejected_in_strict_mode_only()
    {
        const string json = @"{""name"": ""Bran"", ""amount"": 1, ""extra"": 1, ""strict"": {""a"": ""x"", ""b"": 2}, ""meta"": {""free"": 1}, ""counts"": {""n"": ""x""}}";

        Assert.That(Check(json, "Thing"), Is.EquivalentTo(new[]
        {
            "invalidExtra extra: is not a known field",
            "invalidB strict.b: is not a known field",
            "invalidN counts.n: must be an integer; got the string \"x\"",
        }));
        Assert.That(Check(json, "Thing", strict: false), Is.EquivalentTo(new[]
        {
            "invalidB strict.b: is not a known field",
            "invalidN counts.n: must be an integer; got the string \"x\"",
        }));
    }

    [Test]
    public void Properties_of_every_allOf_branch_are_known()
    {
        Assert.That(Check(@"{""type"": ""cat"", ""lives"": 9}", "Cat"), Is.Empty);
        Assert.That(Check(@"{""type"": ""cat""}", "Cat"), Is.EqualTo(new[] { "invalidLives lives: is required" }));
    }

    [Test]
    public void A_discriminated_oneOf_validates_the_chosen_branch_only()
    {
        Assert.That(Check(@"{""type"": ""dog"", ""bark"": ""woof""}", "Pet"), Is.Empty);
        Assert.That(Check(@"{""type"": ""dog"", ""lives"": 9}", "Pet"), Is.EqualTo(new[] { "invalidBark bark: is required" }));
        Assert.That(Check(@"{""type"": ""fish""}", "Pet"), Is.EqualTo(new[] { "invalidType type: must be one of cat, dog; got \"fish\"" }));
    }

    [Test]
    public void AnyOf_accepts_any_branch()
    {
        Assert.That(Check("\"a\"", "Loose"), Is.Empty);
        Assert.That(Check("1", "Loose"), Is.Empty);
        Assert.That(Check("true", "Loose", root: "value"), Is.EqualTo(new[] { "invalidValue value: must be a string or must be an integer; got the boolean true" }));
    }

    [Test]
    public void Array_items_are_named_with_their_index() =>
        Assert.That(Check(@"{""name"": ""Bran"", ""amount"": 1, ""tags"": [""a"", 2]}", "Thing"), Is.EqualTo(new[] { "invalidTags tags[1]: must be a string; got the integer 2" }));

    [Test]
    public void Errors_at_the_root_of_a_body_are_named_body() =>
        Assert.That(Check("[]", "Thing"), Is.EqualTo(new[] { "invalidBody body: must be an object; got an array" }));
}
