using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using NUnit.Framework;
using StarkSdk.Core;
using StarkSdk.TestKit;

namespace StarkSdk.Bank.Tests;

/// <summary>
/// Every operation of openapi/starkbank.yaml (and its signed callback, the x-stark-callback entry of <c>webhooks:</c>) has
/// a generated method, reachable from <see cref="StarkBankClient"/> at its x-stark-client path and named after its
/// x-stark-method (checked by reflection through [StarkOperation]).
/// </summary>
public class SurfaceTests
{
    private static readonly Lazy<List<SpecOperation>> Operations = new(() => OpenApiOperations.StarkBank.All.ToList());

    [Test]
    public void TheSpecHasOperations() => Assert.That(Operations.Value, Has.Count.GreaterThan(20));

    [Test]
    public void EveryOperationIdHasAGeneratedMethodAndNoMethodIsExtra()
    {
        var generated = GeneratedMethods().Select(m => OperationId(m)!).Distinct().OrderBy(x => x).ToList();
        var specified = Operations.Value.Select(o => o.OperationId).OrderBy(x => x).ToList();
        Assert.That(generated, Is.EqualTo(specified));
    }

    [Test]
    public void EveryOperationIsReachableAtItsClientPathWithItsMethodName()
    {
        Assert.Multiple(() =>
        {
            foreach (var operation in Operations.Value)
            {
                var type = typeof(StarkBankClient);
                foreach (var segment in operation.Client.Split('.'))
                {
                    var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance);
                    Assert.That(property, Is.Not.Null, $"{operation.OperationId}: no property {segment} on {type.Name}");
                    if (property is null)
                    {
                        break;
                    }

                    type = property.PropertyType;
                }

                var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => OperationId(m) == operation.OperationId).ToList();
                Assert.That(methods.Select(m => m.Name), Does.Contain(operation.SdkMethod + "Async"), $"{operation.OperationId} on {type.Name}");
            }
        });
    }

    [Test]
    public void EveryGeneratedMethodIsAsyncAndTakesRequestOptionsAndACancellationToken()
    {
        Assert.Multiple(() =>
        {
            foreach (var method in GeneratedMethods())
            {
                var parameters = method.GetParameters();
                Assert.That(method.Name, Does.EndWith("Async"), method.ToString());
                Assert.That(parameters[^1].ParameterType, Is.EqualTo(typeof(CancellationToken)), method.ToString());
                Assert.That(parameters[^1].HasDefaultValue, Is.True, method.ToString());
                Assert.That(parameters[^2].ParameterType, Is.EqualTo(typeof(RequestOptions)), method.ToString());
                Assert.That(parameters[^2].HasDefaultValue, Is.True, method.ToString());
            }
        });
    }

    [Test]
    public void QueryOperationsHaveQueryAndPageMethods()
    {
        var queries = Operations.Value.Where(o => o.SdkMethod == "Query").ToList();
        Assert.That(queries, Is.Not.Empty);
        foreach (var query in queries)
        {
            var methods = GeneratedMethods().Where(m => OperationId(m) == query.OperationId).ToList();
            var queryAsync = methods.Single(m => m.Name == "QueryAsync");
            var pageAsync = methods.Single(m => m.Name == "PageAsync");
            Assert.That(queryAsync.ReturnType.GetGenericTypeDefinition(), Is.EqualTo(typeof(IAsyncEnumerable<>)), query.OperationId);
            Assert.That(pageAsync.ReturnType.GetGenericArguments()[0].GetGenericTypeDefinition(), Is.EqualTo(typeof(Page<>)), query.OperationId);
        }
    }

    [Test]
    public void TheRootClientHasTheResourceClients()
    {
        var client = new StarkBankClient(TestSupport.Project);
        Assert.That(client.Invoices, Is.Not.Null);
        Assert.That(client.Invoices.Logs, Is.Not.Null);
        Assert.That(client.Boletos, Is.Not.Null);
        Assert.That(client.Events.Attempts, Is.Not.Null);
        Assert.That(client.Invoices, Is.SameAs(client.Invoices), "sub-clients are created once");
        Assert.That(client.Request, Is.Not.Null);
        Assert.That(StarkBankClient.Api.SandboxUrl.Host, Is.EqualTo("sandbox.api.starkbank.com"));
    }

    [Test]
    public void CreateOperationsTakeAListAndASingleItem()
    {
        var creates = typeof(InvoicesClient).GetMethods().Where(m => m.Name == "CreateAsync").ToList();
        Assert.That(creates, Has.Count.EqualTo(2));
        Assert.That(creates.Select(m => m.GetParameters()[0].ParameterType), Is.EquivalentTo(new[] { typeof(IEnumerable<Invoice>), typeof(Invoice) }));
    }

    [Test]
    public void BinaryOperationsHaveBytesAndStreamMethods()
    {
        Assert.That(typeof(InvoicesClient).GetMethod("GetPdfAsync")!.ReturnType, Is.EqualTo(typeof(System.Threading.Tasks.Task<byte[]>)));
        Assert.That(typeof(InvoicesClient).GetMethod("GetPdfStreamAsync")!.ReturnType, Is.EqualTo(typeof(System.Threading.Tasks.Task<Stream>)));
    }

    private static IEnumerable<MethodInfo> GeneratedMethods() =>
        typeof(StarkBankClient).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => OperationId(m) is not null);

    private static string? OperationId(MethodInfo method) =>
        method.CustomAttributes.FirstOrDefault(a => a.AttributeType.Name == "StarkOperationAttribute")?.ConstructorArguments[0].Value as string;
}
