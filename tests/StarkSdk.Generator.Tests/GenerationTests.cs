using System.Linq;
using NUnit.Framework;

namespace StarkSdk.Generator.Tests;

/// <summary>Targeted checks of what the generator emits for the constructs of section 1 (the snapshots show the rest).</summary>
public class GenerationTests
{
    private const string Header = """
        openapi: 3.1.0
        info:
          title: Test
          version: "1"
        """;

    [Test]
    public void APropertyNamedLikeItsClassGetsAValueSuffixAndKeywordsAreFine()
    {
        var run = GeneratorHarness.Run(Header + """

            paths: {}
            components:
              schemas:
                Note:
                  type: object
                  properties:
                    note:
                      type: string
                    event:
                      type: string
                    additionalData:
                      type: string
            """);
        var source = run.Source("Small.Note.g.cs");
        Assert.That(source, Does.Contain("public string? NoteValue { get; set; }"));
        Assert.That(source, Does.Contain("[global::Newtonsoft.Json.JsonProperty(\"note\""));
        Assert.That(source, Does.Contain("public string? Event { get; set; }"));
        Assert.That(source, Does.Contain("public string? AdditionalDataValue { get; set; }"));
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void AllOfDerivesFromTheReferencedClassAndHidesNarrowedProperties()
    {
        var run = GeneratorHarness.Run(Header + """

            paths: {}
            components:
              schemas:
                Animal:
                  type: object
                  properties:
                    name:
                      type: string
                    owner:
                      type: object
                      additionalProperties: true
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Animal'
                    - type: object
                      properties:
                        name:
                          type: string
                        owner:
                          $ref: '#/components/schemas/Person'
                        barks:
                          type: boolean
                Person:
                  type: object
                  properties:
                    name:
                      type: string
            """);
        var dog = run.Source("Small.Dog.g.cs");
        Assert.That(dog, Does.Contain("public partial class Dog : Animal"));
        Assert.That(dog, Does.Not.Contain("public string? Name"), "same type as inherited: not redeclared");
        Assert.That(dog, Does.Contain("public new Person? Owner { get; set; }"));
        Assert.That(dog, Does.Contain("public bool? Barks { get; set; }"));
        Assert.That(dog, Does.Not.Contain("public global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken>? AdditionalData"), "declared once, on the root class");
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void AUnionWhoseBaseIsSharedElsewhereDerivesFromIt()
    {
        var run = GeneratorHarness.Run(Header + """

            paths: {}
            components:
              schemas:
                PaymentBase:
                  type: object
                  required: [type]
                  properties:
                    type:
                      type: string
                    amount:
                      type: integer
                      format: int64
                Payment:
                  oneOf:
                    - $ref: '#/components/schemas/CardPayment'
                  discriminator:
                    propertyName: type
                CardPayment:
                  allOf:
                    - $ref: '#/components/schemas/PaymentBase'
                    - type: object
                      properties:
                        type:
                          const: card
                        last4:
                          type: string
                Refund:
                  type: object
                  properties:
                    payment:
                      $ref: '#/components/schemas/PaymentBase'
            """);
        Assert.That(run.Source("Small.Payment.g.cs"), Does.Contain("public partial class Payment : PaymentBase"));
        Assert.That(run.Source("Small.Payment.g.cs"), Does.Contain("case \"card\":"), "cases from the const when there is no mapping");
        var card = run.Source("Small.CardPayment.g.cs");
        Assert.That(card, Does.Contain("public partial class CardPayment : Payment"));
        Assert.That(card, Does.Contain("Type = \"card\";"));
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void RequiredQueryParametersMakeTheOptionsRequiredAndEnumArraysAreTyped()
    {
        var run = GeneratorHarness.Run(Header + """

            paths:
              /v2/request:
                get:
                  operationId: queryRequests
                  x-stark-client: Requests
                  x-stark-method: Query
                  x-stark-response-key: requests
                  parameters:
                    - name: cursor
                      in: query
                      schema:
                        type: string
                    - name: centerId
                      in: query
                      required: true
                      schema:
                        type: string
                    - name: status
                      in: query
                      style: form
                      explode: false
                      schema:
                        type: array
                        items:
                          type: string
                          enum: [pending, approved]
                    - name: limit
                      in: query
                      schema:
                        type: integer
                        format: int64
                  responses:
                    "200":
                      description: Requests.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              requests:
                                type: array
                                items:
                                  type: object
                                  properties:
                                    id:
                                      type: string
            """);
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        var client = run.Source("Small.RequestsClient.g.cs");
        Assert.That(client, Does.Contain("QueryAsync(RequestQueryOptions query, "));
        Assert.That(client, Does.Contain("(int?)query.Limit"));
        var options = run.Source("Small.RequestQueryOptions.g.cs");
        Assert.That(options, Does.Contain("IEnumerable<QueryRequestsStatus>? Status"));
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain("Small.Request.g.cs"), "the inline item type is named after the client");
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void OperationsWithoutContentReturnATaskAndInlineBodiesGetAType()
    {
        var run = GeneratorHarness.Run(Header + """

            paths:
              /v2/thing/{thing-id}/touch:
                post:
                  operationId: touchThing
                  x-stark-client: Things
                  x-stark-method: Touch
                  parameters:
                    - name: thing-id
                      in: path
                      required: true
                      schema:
                        type: string
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            reason:
                              type: string
                  responses:
                    "204":
                      description: Touched.
            """);
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        var client = run.Source("Small.ThingsClient.g.cs");
        Assert.That(client, Does.Contain("public virtual global::System.Threading.Tasks.Task TouchAsync(string thingId, TouchThingRequest touchThingRequest, "));
        Assert.That(client, Does.Contain("$\"thing/{(global::StarkSdk.Core.ApiRequest.Escape(thingId))}/touch\""));
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain("Small.TouchThingRequest.g.cs"));
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void SchemasUsedOnlyByErrorResponsesAreNotGenerated()
    {
        var run = GeneratorHarness.Run(System.IO.File.ReadAllText(TestPaths.TestSpec("small.yaml")));
        var hints = run.Sources.Select(s => s.HintName).ToList();
        Assert.That(hints, Does.Not.Contain("Small.ErrorEnvelope.g.cs"));
        Assert.That(hints, Does.Not.Contain("Small.ErrorDetail.g.cs"));
        Assert.That(hints, Does.Not.Contain("Small.EventBase.g.cs"), "absorbed into Event");
    }

    [Test]
    public void DeprecatedEntriesAreObsolete()
    {
        var run = GeneratorHarness.Run(Header + """

            paths: {}
            components:
              schemas:
                Old:
                  type: object
                  deprecated: true
                  properties:
                    value:
                      type: string
                      deprecated: true
                Holder:
                  type: object
                  properties:
                    old:
                      $ref: '#/components/schemas/Old'
            """);
        Assert.That(run.Source("Small.Old.g.cs"), Does.Contain("[global::System.Obsolete(\"Deprecated by the API.\")]\n    public partial class Old"));
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty, "other generated code uses it without warnings");
    }
}
