using System;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace StarkSdk.Generator.Tests;

/// <summary>
/// Every diagnostic has an ID, a clear message and the YAML file and line; none of them crashes the generator.
/// </summary>
public class DiagnosticTests
{
    /// <summary>A minimal valid spec; tests append to it or replace parts.</summary>
    private const string Base = """
        openapi: 3.1.0
        info:
          title: Test
          version: "1"
        paths:
          /v2/thing:
            get:
              operationId: queryThings
              x-stark-client: Things
              x-stark-method: Query
              x-stark-response-key: things
              parameters:
                - name: cursor
                  in: query
                  schema:
                    type: string
              responses:
                "200":
                  description: Things.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          cursor:
                            type: [string, "null"]
                          things:
                            type: array
                            items:
                              $ref: '#/components/schemas/Thing'
        components:
          schemas:
            Thing:
              type: object
              properties:
                id:
                  type: string
                  readOnly: true
        """;

    [Test]
    public void ValidBaseSpecHasNoDiagnostics()
    {
        var run = GeneratorHarness.Run(Base, sources: new[] { GeneratorHarness.RootClientPartial("Small", "SmallClient") });
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void Stark001_MalformedYaml()
    {
        var yaml = Base.Replace("      x-stark-client: Things", "      x-stark-client: Things: Stuff");
        AssertMalformed(yaml, "x-stark-client: Things: Stuff", "x-stark-client: Things".Length, "While scanning a plain scalar value, found invalid mapping.");
    }

    [Test]
    public void Stark001_UnclosedFlowSequence()
    {
        var yaml = Base.Replace("      operationId: queryThings", "      operationId: [queryThings");
        AssertMalformed(yaml, "operationId: [queryThings", "operationId: ".Length, "While parsing a flow sequence, did not find expected ',' or ']'.");
    }

    [Test]
    public void Stark001_UnclosedFlowSequenceAtTheEndOfTheFile()
    {
        var yaml = Base + "\nx-tags: [a, b\n";
        AssertMalformed(yaml, "x-tags: [a, b", "x-tags: ".Length, "While parsing a flow sequence, did not find expected ',' or ']'.");
    }

    [Test]
    public void Stark001_UnclosedFlowMapping()
    {
        var yaml = Base.Replace("      operationId: queryThings", "      operationId: {id: queryThings");
        AssertMalformed(yaml, "operationId: {id: queryThings", "operationId: ".Length, "While parsing a flow mapping, did not find expected ',' or '}'.");
    }

    [Test]
    public void Stark001_UnclosedDoubleQuote()
    {
        var yaml = Base.Replace("      operationId: queryThings", "      operationId: \"queryThings");
        AssertMalformed(yaml, "operationId: \"queryThings", "operationId: ".Length, "While scanning a multi-line double-quoted scalar, found wrong indentation.");
    }

    [Test]
    public void Stark001_UnclosedSingleQuote()
    {
        // The last line of the file: a later quote (the $ref's) would close it.
        var yaml = Base.Replace("          readOnly: true", "          description: 'The id");
        AssertMalformed(yaml, "description: 'The id", "description: ".Length, "While scanning a quoted scalar, found unexpected end of stream.");
    }

    [Test]
    public void Stark001_TabIndentation()
    {
        var yaml = Base.Replace("      x-stark-client: Things", "\tx-stark-client: Things");
        AssertMalformed(yaml, "\tx-stark-client: Things", 0, "While scanning a plain scalar, found a tab character that violate indentation.");
    }

    [Test]
    public void Stark001_DuplicateKey()
    {
        var yaml = Base.Replace("      x-stark-method: Query\n", "      x-stark-method: Query\n      x-stark-method: Get\n");
        AssertMalformed(yaml, "x-stark-method: Get", 0, "Duplicate key x-stark-method");
    }

    [Test]
    public void Stark001_LineIndentedLessThanItsSiblings()
    {
        var yaml = Base.Replace("      x-stark-client: Things", "     x-stark-client: Things");
        AssertMalformed(yaml, "     x-stark-client: Things", "     ".Length, "While parsing a block mapping, did not find expected key.");
    }

    [Test]
    public void Stark001_LineIndentedMoreThanItsSiblings()
    {
        var yaml = Base.Replace("      x-stark-client: Things", "        x-stark-client: Things");
        AssertMalformed(yaml, "        x-stark-client: Things", "        x-stark-client".Length, "While scanning a plain scalar value, found invalid mapping.");
    }

    [Test]
    public void Stark002_UnresolvedReference()
    {
        var yaml = Base + "\n        owner:\n          $ref: '#/components/schemas/Missing'\n";
        var diagnostic = Single(yaml, "STARK002");
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The reference '#/components/schemas/Missing' does not resolve to anything in this file"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "$ref: '#/components/schemas/Missing'"));
    }

    [Test]
    public void LocationsAreRightWithWindowsLineEndings()
    {
        var yaml = (Base + "\n        owner:\n          $ref: '#/components/schemas/Missing'\n").Replace("\n", "\r\n");
        var diagnostic = Single(yaml, "STARK002");
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "$ref: '#/components/schemas/Missing'"));
        var text = yaml.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
        Assert.That(text, Does.Contain("#/components/schemas/Missing"));
    }

    [Test]
    public void Stark003_UnsupportedConstructIsAWarningAndTheCodeStillCompiles()
    {
        var yaml = Base + "\n        value:\n          oneOf:\n            - type: string\n            - type: integer\n";
        var run = GeneratorHarness.Run(yaml);
        var diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "STARK003");
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(diagnostic.GetMessage(), Does.Contain("oneOf of 2 schemas without a discriminator").And.Contain("JToken"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "oneOf:"));
        Assert.That(run.Source("Small.Thing.g.cs"), Does.Contain("global::Newtonsoft.Json.Linq.JToken? Value"));
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void Stark003_ExternalReference()
    {
        var yaml = Base + "\n        owner:\n          $ref: 'other.yaml#/components/schemas/Owner'\n";
        var diagnostic = Single(yaml, "STARK003");
        Assert.That(diagnostic.GetMessage(), Does.Contain("external reference 'other.yaml#/components/schemas/Owner'"));
    }

    [Test]
    public void Stark004_TwoPropertiesWithTheSameCSharpName()
    {
        var yaml = Base + "\n        tax_id:\n          type: string\n        taxId:\n          type: string\n";
        var diagnostic = Single(yaml, "STARK004");
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The C# name 'TaxId' of the property 'taxId' of 'Thing' clashes with another property of the same type; the property 'taxId' of 'Thing' is not generated"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "taxId:"));
    }

    [Test]
    public void Stark004_TwoSchemasWithTheSameCSharpName()
    {
        var yaml = Base + "\n    thing:\n      type: object\n      properties:\n        name:\n          type: string\n";
        var diagnostic = Single(yaml, "STARK004");
        Assert.That(diagnostic.GetMessage(), Does.Contain("'Thing' of the schema 'thing' clashes with the schema 'Thing'"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "    thing:"));
    }

    [Test]
    public void Stark004_TwoOperationsWithTheSameMethodName()
    {
        var yaml = Base.Replace("components:\n", """
              /v2/thing/all:
                get:
                  operationId: queryAllThings
                  x-stark-client: Things
                  x-stark-method: Query
                  x-stark-response-key: things
                  responses:
                    "200":
                      description: Things.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              things:
                                type: array
                                items:
                                  $ref: '#/components/schemas/Thing'
            components:

            """.Replace("\r\n", "\n"));
        var diagnostic = Single(yaml, "STARK004");
        Assert.That(diagnostic.GetMessage(), Does.Contain("'QueryAsync' of the operation 'queryAllThings' clashes with another method of ThingsClient"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "operationId: queryAllThings"));
    }

    [Test]
    public void Stark005_OperationWithoutClient()
    {
        var yaml = Base.Replace("      x-stark-client: Things\n", string.Empty);
        var diagnostic = Single(yaml, "STARK005");
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.GetMessage(), Does.StartWith("The operation 'queryThings' has no x-stark-client"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "operationId: queryThings"));
    }

    [Test]
    public void Stark005_NotAnOpenApiDocument()
    {
        var diagnostic = Single("name: just some yaml\nitems: [1, 2]\n", "STARK005");
        Assert.That(diagnostic.GetMessage(), Does.Contain("not an OpenAPI document"));
        AssertLocation(diagnostic, expectedLine: 1);
    }

    [Test]
    public void Stark005_PagedOperationWithoutResponseKey()
    {
        var yaml = Base.Replace("      x-stark-response-key: things\n", string.Empty);
        var diagnostic = Single(yaml, "STARK005");
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The paged operation 'queryThings' must name the array of its response with x-stark-response-key"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "x-stark-method: Query"));
    }

    [Test]
    public void Stark005_ResponseKeyThatIsNotInTheResponse()
    {
        var yaml = Base.Replace("x-stark-response-key: things", "x-stark-response-key: items");
        var diagnostic = Single(yaml, "STARK005");
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The response of 'queryThings' has no property 'items' (its x-stark-response-key)"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "x-stark-response-key: items"));
    }

    [Test]
    public void Stark005_SingleItemOnAPagedOperation()
    {
        var yaml = Base.Replace("      x-stark-response-key: things\n", "      x-stark-response-key: things\n      x-stark-single-item: true\n");
        var diagnostic = Single(yaml, "STARK005");
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The operation 'queryThings' has x-stark-single-item but is paged (x-stark-method Query or a cursor parameter): a one-item list has no pages"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "x-stark-single-item: true"));
    }

    [Test]
    public void Stark005_SingleItemOnAResponseKeyThatIsNotAnArray()
    {
        var yaml = Base
            .Replace("      x-stark-method: Query\n      x-stark-response-key: things\n", "      x-stark-method: Get\n      x-stark-response-key: cursor\n      x-stark-single-item: true\n")
            .Replace("              parameters:\n                - name: cursor\n                  in: query\n                  schema:\n                    type: string\n", string.Empty);
        var diagnostic = Single(yaml, "STARK005");
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The operation 'queryThings' has x-stark-single-item but its x-stark-response-key does not name an array of the JSON response"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "x-stark-single-item: true"));
    }

    [Test]
    public void Stark005_SingleItemThatIsNotABoolean()
    {
        var yaml = Base.Replace("      x-stark-response-key: things\n", "      x-stark-response-key: things\n      x-stark-single-item: first\n");
        var diagnostic = Single(yaml, "STARK005");
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The x-stark-single-item of 'queryThings' must be true or false"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "x-stark-single-item: first"));
    }

    /// <summary><see cref="Base"/> with a tag on its operation and a signed callback of the same resource.</summary>
    private static string WithCallback(string callback) =>
        Base.Replace("      operationId: queryThings\n", "      operationId: queryThings\n      tags: [Thing]\n")
            .Replace("components:\n", "webhooks:\n  thingAuthorization:\n" + callback + "components:\n");

    private const string ThingCallback = """
            post:
              operationId: receiveThingAuthorization
              tags: [Thing]
              x-stark-callback: ThingAuthorization
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Thing'
              responses:
                "200":
                  description: Received.

        """;

    [Test]
    public void ACallbackWithoutClientGoesOnTheClientOfItsTag()
    {
        var run = GeneratorHarness.Run(WithCallback(ThingCallback));
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
        Assert.That(run.Source("Small.ThingsClient.g.cs"), Does.Contain("Task<Thing> ParseThingAuthorizationAsync(string content, string? signature,"));
    }

    [Test]
    public void AWebhookWithoutXStarkCallbackGeneratesNothing()
    {
        var yaml = WithCallback(ThingCallback.Replace("      x-stark-callback: ThingAuthorization\n", string.Empty).Replace("$ref: '#/components/schemas/Thing'", "$ref: '#/components/schemas/Gadget'"))
            .Replace("  schemas:\n", "  schemas:\n    Gadget:\n      type: object\n      properties:\n        name:\n          type: string\n");
        var run = GeneratorHarness.Run(yaml);
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.Source("Small.ThingsClient.g.cs"), Does.Not.Contain("Parse"));
        Assert.That(run.Sources.Select(s => s.HintName), Has.None.EqualTo("Small.Gadget.g.cs"), "a schema only such a webhook uses is not generated");
    }

    [Test]
    public void ACallbackPayloadAndItsAnswerAreGeneratedEvenWhenOnlyTheCallbackUsesThem()
    {
        var callback = ThingCallback
            .Replace("$ref: '#/components/schemas/Thing'", "$ref: '#/components/schemas/Envelope'")
            .Replace("      x-stark-callback: ThingAuthorization\n", "      x-stark-callback: ThingAuthorization\n      x-stark-request-key: gadget\n")
            .Replace("          description: Received.\n", "          description: Received.\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Answer'\n");
        var schemas = string.Join("\n", new[]
        {
            "  schemas:",
            "    Envelope:",
            "      type: object",
            "      required: [gadget]",
            "      properties:",
            "        gadget:",
            "          $ref: '#/components/schemas/Gadget'",
            "    Gadget:",
            "      type: object",
            "      properties:",
            "        name:",
            "          type: string",
            "    Answer:",
            "      type: object",
            "      required: [status]",
            "      properties:",
            "        status:",
            "          type: string",
        }) + "\n";
        var yaml = WithCallback(callback).Replace("  schemas:\n", schemas);
        var run = GeneratorHarness.Run(yaml);
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
        var client = run.Source("Small.ThingsClient.g.cs");
        Assert.That(client, Does.Contain("Task<Gadget> ParseThingAuthorizationAsync(string content, string? signature"));
        Assert.That(client, Does.Contain("ParseAsync<Gadget>(content, signature, \"gadget\", options, cancellationToken)"));
        Assert.That(client, Does.Contain("<see cref=\"Answer\"/>"));
        Assert.That(run.Source("Small.Answer.g.cs"), Does.Contain("Required on creation"), "the answer is a class the customer fills and sends");
    }

    [Test]
    public void Stark005_CallbackWithoutClientWhoseTagNamesNoClient()
    {
        var yaml = WithCallback(ThingCallback.Replace("tags: [Thing]", "tags: [Gadget]"));
        var diagnostic = Single(yaml, "STARK005");
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The callback 'ThingAuthorization' (receiveThingAuthorization) has no x-stark-client, and no operation tagged 'Gadget' names a client to put it on"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "operationId: receiveThingAuthorization"));
    }

    [Test]
    public void Stark005_CallbackRequestKeyThatIsNotInTheBody()
    {
        var yaml = WithCallback(ThingCallback.Replace("      x-stark-callback: ThingAuthorization\n", "      x-stark-callback: ThingAuthorization\n      x-stark-request-key: thing\n"));
        var diagnostic = Single(yaml, "STARK005");
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The request body of the callback 'ThingAuthorization' has no property 'thing' (its x-stark-request-key)"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "x-stark-request-key: thing"));
    }

    [Test]
    public void Stark005_CallbackNameThatIsNotAnIdentifier()
    {
        var yaml = WithCallback(ThingCallback.Replace("x-stark-callback: ThingAuthorization", "x-stark-callback: Thing Authorization"));
        var diagnostic = Single(yaml, "STARK005");
        Assert.That(diagnostic.GetMessage(), Does.StartWith("An x-stark-callback must be the callback's name, a C# identifier"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "x-stark-callback: Thing Authorization"));
    }

    [Test]
    public void Stark005_CallbackOperationIdUsedByAnOperation()
    {
        var yaml = WithCallback(ThingCallback.Replace("operationId: receiveThingAuthorization", "operationId: queryThings"));
        var diagnostic = Single(yaml, "STARK005");
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The operationId 'queryThings' of the callback 'ThingAuthorization' is already used by another operation"));
        AssertLocation(diagnostic, expectedLine: LastLineOf(yaml, "operationId: queryThings"));
    }

    [Test]
    public void Stark004_CallbackMethodThatClashesWithAnOperation()
    {
        var yaml = WithCallback(ThingCallback.Replace("      x-stark-callback: ThingAuthorization\n", "      x-stark-callback: ThingAuthorization\n      x-stark-method: Query\n"));
        var diagnostic = Single(yaml, "STARK004");
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The C# name 'QueryAsync' of the callback 'receiveThingAuthorization' clashes with another method of ThingsClient; the callback 'receiveThingAuthorization' is not generated"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "operationId: receiveThingAuthorization"));
    }

    [Test]
    public void Stark003_GetCallbackWithoutOneRequiredQueryParameterIsNotGenerated()
    {
        var callback = """
                get:
                  operationId: receiveThingRead
                  tags: [Thing]
                  x-stark-callback: ThingRead
                  responses:
                    "200":
                      description: Read.

            """;
        var yaml = WithCallback(callback);
        var run = GeneratorHarness.Run(yaml);
        var diagnostic = run.GeneratorDiagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("STARK003"));
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(diagnostic.GetMessage(), Does.StartWith("A callback without request body and with 0 required query parameters ('ThingRead') is not supported by the generator; the callback is not generated"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "x-stark-callback: ThingRead"));
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
        Assert.That(run.Source("Small.ThingsClient.g.cs"), Does.Not.Contain("ThingRead"));
    }

    [TestCase("1Bad.Namespace", "SmallClient", "The StarkNamespace value '1Bad.Namespace' is not a valid C# namespace")]
    [TestCase("Good.Namespace", "class", "The StarkRootClient value 'class' is not a valid C# identifier")]
    public void Stark006_InvalidOption(string @namespace, string rootClient, string message)
    {
        var run = GeneratorHarness.Run(Base, options: TestOptionsProvider.ForSpecs(GeneratorHarness.SpecPath, @namespace, rootClient));
        var diagnostic = run.GeneratorDiagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("STARK006"));
        Assert.That(diagnostic.GetMessage(), Is.EqualTo(message));
        Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo(GeneratorHarness.SpecPath));
    }

    [Test]
    public void Stark007_UnreadableFile()
    {
        var run = RunWith(new NullText(GeneratorHarness.SpecPath));
        var diagnostic = run.GetRunResult().Diagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("STARK007"));
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The OpenAPI file could not be processed: the file could not be read"));
        Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo(GeneratorHarness.SpecPath));
    }

    [Test]
    public void Stark007_ReadFailureIsReportedNotThrown()
    {
        var run = RunWith(new ThrowingText(GeneratorHarness.SpecPath));
        var diagnostic = run.GetRunResult().Diagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("STARK007"));
        Assert.That(diagnostic.GetMessage(), Does.Contain("disk on fire"));
        Assert.That(run.GetRunResult().Results.Single().Exception, Is.Null);
    }

    [Test]
    public void NoTruncationOfTheSmallSpecCrashesTheGenerator()
    {
        // Every prefix of a real spec (cut at each 7th line) gives diagnostics or code, never an exception.
        var lines = File.ReadAllLines(TestPaths.TestSpec("small.yaml"));
        for (var count = 1; count < lines.Length; count += 7)
        {
            var yaml = string.Join("\n", lines.Take(count));
            var run = GeneratorHarness.Run(yaml);
            Assert.That(run.Result.Results.Single().Exception, Is.Null, $"prefix of {count} lines");
            Assert.That(run.GeneratorDiagnostics.Where(d => d.Id == "STARK007"), Is.Empty, $"prefix of {count} lines: {string.Join("; ", run.GeneratorDiagnostics)}");
        }
    }

    [Test]
    public void DiagnosticDescriptorsHaveUniqueIdsAndAreAllKnown()
    {
        var descriptors = typeof(Diagnostics.DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        Assert.That(descriptors.Select(d => d.Id), Is.Unique);
        Assert.That(descriptors.Select(d => d.Id), Is.EquivalentTo(Enumerable.Range(1, 9).Select(i => $"STARK{i:000}")));
        Assert.That(descriptors.Select(d => Diagnostics.DiagnosticDescriptors.Find(d.Id)), Is.EqualTo(descriptors));
    }

    [Test]
    public void Stark008_ResponseKeyWithoutAJsonResponse()
    {
        var yaml = WithResponses("      responses:\n        \"204\":\n          description: Nothing.\n");
        var diagnostic = Single(yaml, "STARK008");
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The operation 'queryThings' declares x-stark-response-key 'things' but has no JSON content in its success response; the operation is not generated"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "    get:"), expectedColumn: 5);
    }

    [Test]
    public void Stark008_ResponseKeyWithoutAnyResponse()
    {
        var yaml = WithResponses(string.Empty);
        var run = GeneratorHarness.Run(yaml);
        var diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "STARK008");
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The operation 'queryThings' declares x-stark-response-key 'things' but has no success (2xx) response; the operation is not generated"));
        AssertLocation(diagnostic, expectedLine: LineOf(yaml, "    get:"), expectedColumn: 5);
        Assert.That(run.Sources.Select(s => s.HintName), Has.None.EqualTo("Small.ThingsClient.g.cs"), "the operation is not generated as a method returning plain Task");
    }

    /// <summary><see cref="Base"/> with <c>x-stark-api: SmallBank</c> and <paramref name="servers"/> (the lines of a <c>servers:</c> block, or nothing).</summary>
    private static string WithApi(string servers) => Base.Replace("paths:\n", "x-stark-api: SmallBank\n" + servers.Replace("\r\n", "\n") + "paths:\n");

    private const string TwoServers = """
        servers:
          - url: https://sandbox.api.example.com
            x-stark-environment: sandbox
          - url: https://api.example.com
            x-stark-environment: production

        """;

    private const string ApiServersSuffix = ": x-stark-api 'SmallBank' needs exactly one server marked x-stark-environment: sandbox and one marked production, each with an absolute http(s) URL; the root client's constructors and Api and its dependency injection extensions are not generated";

    [Test]
    public void XStarkApiWithBothServersGeneratesTheRootClientAndItsExtensionsWithoutDiagnostics()
    {
        var run = GeneratorHarness.Run(WithApi(TwoServers), sources: new[] { "namespace Consumer { internal static class Placeholder { } }" });
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
        Assert.That(run.Source("Small.SmallClient.g.cs"), Does.Contain("ApiDescriptor Api"));
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain("Small.SmallBankServiceCollectionExtensions.g.cs"));
    }

    [TestCase("sandbox", TestName = "Stark009_NoSandboxServer")]
    [TestCase("production", TestName = "Stark009_NoProductionServer")]
    public void Stark009_MissingServer(string environment)
    {
        var other = environment == "sandbox" ? "production" : "sandbox";
        var yaml = WithApi($"servers:\n  - url: https://{other}.api.example.com\n    x-stark-environment: {other}\n");
        AssertApiServers(yaml, $"No server is marked x-stark-environment: {environment}", LineOf(yaml, "x-stark-api: SmallBank"), expectedColumn: 1);
    }

    [Test]
    public void Stark009_NoServers()
    {
        var yaml = WithApi(string.Empty);
        AssertApiServers(yaml, "No server is marked x-stark-environment: sandbox or production", LineOf(yaml, "x-stark-api: SmallBank"), expectedColumn: 1);
    }

    [Test]
    public void Stark009_ServersWithoutMarks()
    {
        var yaml = WithApi(TwoServers.Replace("    x-stark-environment: sandbox\n", string.Empty).Replace("    x-stark-environment: production\n", string.Empty));
        AssertApiServers(yaml, "No server is marked x-stark-environment: sandbox or production", LineOf(yaml, "x-stark-api: SmallBank"), expectedColumn: 1);
    }

    [Test]
    public void Stark009_TwoSandboxServers()
    {
        var yaml = WithApi(TwoServers.TrimEnd('\n') + "\n  - url: https://sandbox2.api.example.com\n    x-stark-environment: sandbox\n");
        AssertApiServers(
            yaml,
            $"A second server is marked x-stark-environment: sandbox (the first is on line {LineOf(yaml, "- url: https://sandbox.api.example.com")})",
            LastLineOf(yaml, "x-stark-environment: sandbox"),
            expectedColumn: "    x-stark-environment: ".Length + 1);
    }

    [Test]
    public void Stark009_UnknownEnvironment()
    {
        var yaml = WithApi(TwoServers.TrimEnd('\n') + "\n  - url: https://staging.api.example.com\n    x-stark-environment: staging\n");
        AssertApiServers(yaml, "The x-stark-environment 'staging' of a server is neither sandbox nor production", LineOf(yaml, "x-stark-environment: staging"), expectedColumn: "    x-stark-environment: ".Length + 1);
    }

    [Test]
    public void Stark009_EnvironmentWithoutValue()
    {
        var yaml = WithApi(TwoServers.TrimEnd('\n') + "\n  - url: https://staging.api.example.com\n    x-stark-environment:\n    description: Staging.\n");
        AssertApiServers(yaml, "A server's x-stark-environment has no value", LastLineOf(yaml, "x-stark-environment:"));
    }

    [Test]
    public void Stark009_MisspelledEnvironmentIsUnknownAndLeavesTheOtherMissing()
    {
        var yaml = WithApi(TwoServers.Replace("x-stark-environment: production", "x-stark-environment: Production"));
        var run = GeneratorHarness.Run(yaml);
        var diagnostics = run.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "STARK009", "STARK009" }), string.Join("\n", diagnostics));
        Assert.That(diagnostics[0].GetMessage(), Is.EqualTo("No server is marked x-stark-environment: production" + ApiServersSuffix));
        AssertLocation(diagnostics[0], expectedLine: LineOf(yaml, "x-stark-api: SmallBank"));
        Assert.That(diagnostics[1].GetMessage(), Is.EqualTo("The x-stark-environment 'Production' of a server is neither sandbox nor production" + ApiServersSuffix));
        AssertLocation(diagnostics[1], expectedLine: LineOf(yaml, "x-stark-environment: Production"));
    }

    [TestCase("/sandbox", TestName = "Stark009_RelativeServerUrl")]
    [TestCase("sandbox.api.example.com", TestName = "Stark009_ServerUrlWithoutScheme")]
    [TestCase("ftp://sandbox.api.example.com", TestName = "Stark009_ServerUrlThatIsNotHttp")]
    [TestCase("https://{region}.api.example.com", TestName = "Stark009_ServerUrlWithAVariable")]
    public void Stark009_ServerUrlThatIsNotAbsolute(string url)
    {
        var yaml = WithApi(TwoServers.Replace("url: https://sandbox.api.example.com", $"url: '{url}'"));
        AssertApiServers(yaml, $"The url '{url}' of the sandbox server is not an absolute http(s) URL", LineOf(yaml, $"url: '{url}'"), expectedColumn: "  - url: ".Length + 1);
    }

    [Test]
    public void Stark009_ServerWithoutUrl()
    {
        var yaml = WithApi(TwoServers.Replace("  - url: https://api.example.com\n    x-stark-environment: production\n", "  - description: Production\n    x-stark-environment: production\n"));
        AssertApiServers(yaml, "The production server has no url", LineOf(yaml, "- description: Production"), expectedColumn: "  - ".Length + 1);
    }

    /// <summary>
    /// Asserts that STARK009 is the one diagnostic, an error at <paramref name="expectedLine"/>, and that neither the whole
    /// root client nor its dependency injection extensions were generated.
    /// </summary>
    private static void AssertApiServers(string yaml, string problem, int expectedLine, int? expectedColumn = null)
    {
        var run = GeneratorHarness.Run(yaml);
        Assert.That(run.Result.Results.Single().Exception, Is.Null);
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "STARK009" }), string.Join("\n", run.GeneratorDiagnostics));
        var diagnostic = run.GeneratorDiagnostics[0];
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.GetMessage(), Is.EqualTo(problem + ApiServersSuffix));
        AssertLocation(diagnostic, expectedLine, expectedColumn);
        Assert.That(run.Source("Small.SmallClient.g.cs"), Does.Not.Contain("ApiDescriptor"));
        Assert.That(run.Sources.Select(s => s.HintName), Has.None.EqualTo("Small.SmallBankServiceCollectionExtensions.g.cs"));
    }

    /// <summary>The base spec with the operation's responses replaced by <paramref name="responses"/>.</summary>
    private static string WithResponses(string responses)
    {
        var start = Base.IndexOf("      responses:\n", StringComparison.Ordinal);
        var end = Base.IndexOf("components:", StringComparison.Ordinal);
        return Base.Substring(0, start) + responses + Base.Substring(end);
    }

    /// <summary>
    /// Asserts STARK001, the one diagnostic, on the line holding <paramref name="lineText"/> at the 0-based
    /// <paramref name="offsetInText"/> of that text, with YamlDotNet's <paramref name="yamlMessage"/>.
    /// </summary>
    private static void AssertMalformed(string yaml, string lineText, int offsetInText, string yamlMessage)
    {
        var run = GeneratorHarness.Run(yaml);
        Assert.That(run.Result.Results.Single().Exception, Is.Null);
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "STARK001" }), string.Join("\n", run.GeneratorDiagnostics));
        var diagnostic = run.GeneratorDiagnostics[0];
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.GetMessage(), Is.EqualTo("The OpenAPI file is not valid YAML: " + yamlMessage));
        var line = LineOf(yaml, lineText);
        var column = yaml.Replace("\r\n", "\n").Split('\n')[line - 1].IndexOf(lineText, StringComparison.Ordinal) + offsetInText + 1;
        AssertLocation(diagnostic, expectedLine: line, expectedColumn: column);
    }

    private static Diagnostic Single(string yaml, string id)
    {
        var run = GeneratorHarness.Run(yaml);
        Assert.That(run.Result.Results.Single().Exception, Is.Null);
        var matching = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.That(matching, Has.Count.EqualTo(1), string.Join("\n", run.GeneratorDiagnostics));
        return matching[0];
    }

    private static void AssertLocation(Diagnostic diagnostic, int expectedLine, int? expectedColumn = null)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.That(span.Path, Is.EqualTo(GeneratorHarness.SpecPath));
        Assert.That(span.StartLinePosition.Line + 1, Is.EqualTo(expectedLine), diagnostic.ToString());
        if (expectedColumn is not null)
        {
            Assert.That(span.StartLinePosition.Character + 1, Is.EqualTo(expectedColumn), diagnostic.ToString());
        }

        Assert.That(diagnostic.Location.SourceSpan.Length, Is.GreaterThanOrEqualTo(0));
    }

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    private static int LineOf(string yaml, string text)
    {
        var lines = yaml.Replace("\r\n", "\n").Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"'{text}' not in the YAML");
        return index + 1;
    }

    /// <summary>The 1-based line of the last line containing <paramref name="text"/>.</summary>
    private static int LastLineOf(string yaml, string text)
    {
        var lines = yaml.Replace("\r\n", "\n").Split('\n');
        var index = Array.FindLastIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"'{text}' not in the YAML");
        return index + 1;
    }

        private static GeneratorDriver RunWith(AdditionalText text) =>
        GeneratorHarness.CreateDriver(new[] { text }, TestOptionsProvider.ForSpecs(text.Path)).RunGenerators(GeneratorHarness.Compilation());

    private sealed class NullText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
    }

    private sealed class ThrowingText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => throw new IOException("disk on fire");
    }
}
