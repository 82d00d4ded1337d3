using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Tests;

/// <summary>The routes come from the spec: another spec gives another API, with no code.</summary>
public sealed class SpecDrivenTests
{
    private const string WidgetSpec = @"
openapi: 3.1.0
info: {title: Widgets, version: '1'}
security: [{AccessId: [], AccessTime: [], AccessSignature: []}]
paths:
  /v1/widget:
    post:
      operationId: createWidgets
      x-stark-method: Create
      x-stark-request-key: widgets
      x-stark-response-key: widgets
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [widgets]
              properties:
                widgets: {type: array, minItems: 1, items: {$ref: '#/components/schemas/Widget'}}
      responses:
        '200':
          content:
            application/json:
              schema:
                type: object
                properties:
                  message: {type: string}
                  widgets: {type: array, items: {$ref: '#/components/schemas/Widget'}}
    get:
      operationId: queryWidgets
      x-stark-method: Query
      x-stark-response-key: widgets
      parameters:
      - {name: cursor, in: query, schema: {type: string}}
      - {name: limit, in: query, schema: {type: integer, maximum: 100}}
      - {name: colors, in: query, style: form, explode: false, schema: {type: array, items: {type: string}}}
      responses:
        '200':
          content:
            application/json:
              schema:
                type: object
                properties:
                  cursor: {type: [string, 'null']}
                  widgets: {type: array, items: {$ref: '#/components/schemas/Widget'}}
  /v1/widget/{id}:
    get:
      operationId: getWidget
      x-stark-method: Get
      x-stark-response-key: widget
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          content:
            application/json:
              schema: {type: object, properties: {widget: {$ref: '#/components/schemas/Widget'}}}
    delete:
      operationId: cancelWidget
      x-stark-method: Cancel
      x-stark-response-key: widget
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          content:
            application/json:
              schema: {type: object, properties: {widget: {$ref: '#/components/schemas/Widget'}}}
  /v1/widget/log:
    get:
      operationId: queryWidgetLogs
      x-stark-method: Query
      x-stark-response-key: logs
      parameters:
      - {name: cursor, in: query, schema: {type: string}}
      - {name: widgetIds, in: query, style: form, explode: false, schema: {type: array, items: {type: string}}}
      responses:
        '200':
          content:
            application/json:
              schema:
                type: object
                properties:
                  cursor: {type: [string, 'null']}
                  logs: {type: array, items: {$ref: '#/components/schemas/WidgetLog'}}
components:
  schemas:
    Widget:
      type: object
      required: [color]
      properties:
        id: {type: string, readOnly: true}
        color: {type: string, enum: [red, blue]}
        size: {type: integer, default: 3}
        status: {type: string, enum: [active, canceled], readOnly: true}
        created: {type: string, format: date-time, readOnly: true}
    WidgetLog:
      type: object
      properties:
        id: {type: string, readOnly: true}
        created: {type: string, format: date-time, readOnly: true}
        type: {type: string, enum: [created, canceled], readOnly: true}
        errors: {type: array, items: {type: string}, readOnly: true}
        widget: {$ref: '#/components/schemas/Widget'}
";

    [Test]
    public async Task Another_spec_is_served_generically()
    {
        var spec = ApiSpec.Parse(new StringReader(WidgetSpec));
        await using var emulator = await StarkBankEmulator.StartAsync(new EmulatorOptions { Spec = spec, Behaviours = new List<ResourceBehaviour>(), RequireSignatures = false });
        using var client = new EmulatorClient(emulator.BaseUrl, "project/1", StarkSdk.Core.PrivateKey.FromPem(StarkSdk.Core.Key.Create().PrivatePem)) { CheckConformance = false };

        var created = await client.PostAsync("/v1/widget", new JObject { ["widgets"] = new JArray(new JObject { ["color"] = "red" }, new JObject { ["color"] = "blue", ["size"] = 9 }) });
        var invalid = await client.PostAsync("/v1/widget", new JObject { ["widgets"] = new JArray(new JObject { ["color"] = "green" }) });
        var red = (string)created.Body["widgets"]![0]!["id"]!;
        var canceled = await client.DeleteAsync($"/v1/widget/{red}");
        var blues = await client.GetAsync("/v1/widget?colors=blue");
        var logs = await client.GetAsync($"/v1/widget/log?widgetIds={red}");
        var invoices = await client.GetAsync("/v2/invoice");

        Assert.That((string?)created.Body["message"], Is.Not.Null);
        Assert.That((long)created.Body["widgets"]![0]!["size"]!, Is.EqualTo(3), "schema defaults are applied");
        Assert.That((string?)created.Body["widgets"]![0]!["status"], Is.EqualTo("active"));
        Assert.That(invalid.ErrorCodes, Is.EqualTo(new[] { "invalidColor" }));
        Assert.That((string?)canceled.Body["widget"]!["status"], Is.EqualTo("canceled"));
        Assert.That(blues.Body["widgets"]!.Select(w => (long)w["size"]!), Is.EqualTo(new[] { 9L }));
        Assert.That(logs.Body["logs"]!.Select(l => (string)l["type"]!), Is.EqualTo(new[] { "canceled", "created" }));
        Assert.That((int)invoices.Status, Is.EqualTo(404));
    }
}

/// <summary>Every list route of the embedded spec answers on an empty emulator.</summary>
public sealed class EmbeddedSpecTests : EmulatorTest
{
    private static IEnumerable<string> ListRoutes() =>
        ApiSpec.LoadEmbedded().Operations
            .Where(o => o.Method == "GET" && o.IdParameter == null)
            .Select(o => o.PathTemplate + string.Concat(o.QueryParameters.Where(p => p.Required).Select((p, i) => (i == 0 ? "?" : "&") + p.Name + "=1")));

    [TestCaseSource(nameof(ListRoutes))]
    public async Task Every_list_route_is_served(string path)
    {
        var response = await Client.GetAsync(path);

        AssertOk(response);
    }

    [Test]
    public void The_embedded_spec_has_the_documented_operations()
    {
        var spec = ApiSpec.LoadEmbedded();
        var catalog = new SpecCatalog(spec);

        Assert.That(spec.Operations.Count, Is.GreaterThan(100));
        Assert.That(spec.Operations.Where(o => o.Kind == OperationKind.Unsupported), Is.Empty);
        Assert.That(catalog.Find("invoice")!.Logs!.EmbedKey, Is.EqualTo("invoice"));
        Assert.That(catalog.Find("brcode-payment")!.Logs!.EmbedKey, Is.EqualTo("payment"));
        Assert.That(catalog.Find("invoice")!.InitialStatus, Is.EqualTo("created"));
    }
}
