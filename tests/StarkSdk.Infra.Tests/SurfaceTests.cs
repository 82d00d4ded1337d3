using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using StarkSdk.Core;
using StarkSdk.TestKit;

namespace StarkSdk.Infra.Tests;

internal static class Surface
{
    public static IEnumerable<MethodInfo> GeneratedMethods() =>
        typeof(StarkInfraClient).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => OperationId(m) is not null);

    public static string OperationId(MethodInfo method) =>
        method.CustomAttributes.FirstOrDefault(a => a.AttributeType.Name == "StarkOperationAttribute")?.ConstructorArguments[0].Value as string ?? null!;
}

/// <summary>The generated surface by reflection: client paths, method names and signatures follow the spec.</summary>
public class SurfaceTests
{
    [Test]
    public void EveryOperationIsReachableAtItsClientPathWithItsMethodName()
    {
        Assert.Multiple(() =>
        {
            foreach (var operation in OpenApiOperations.StarkInfra.All)
            {
                var type = typeof(StarkInfraClient);
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

                var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => Surface.OperationId(m) == operation.OperationId).ToList();
                Assert.That(methods.Select(m => m.Name), Does.Contain(operation.SdkMethod + "Async"), $"{operation.OperationId} on {type.Name}");
            }
        });
    }

    [Test]
    public void EveryGeneratedMethodIsAsyncAndTakesRequestOptionsAndACancellationToken()
    {
        Assert.Multiple(() =>
        {
            foreach (var method in Surface.GeneratedMethods())
            {
                var parameters = method.GetParameters();
                Assert.That(method.Name, Does.EndWith("Async"), method.ToString());
                Assert.That(method.IsVirtual, Is.True, method.ToString());
                Assert.That(parameters[^1].ParameterType, Is.EqualTo(typeof(CancellationToken)), method.ToString());
                Assert.That(parameters[^2].ParameterType, Is.EqualTo(typeof(RequestOptions)), method.ToString());
            }
        });
    }

    [Test]
    public void CallbacksTakeTheContentAndTheSignature()
    {
        foreach (var callback in OpenApiOperations.StarkInfra.Callbacks)
        {
            var method = Surface.GeneratedMethods().Single(m => Surface.OperationId(m) == callback.OperationId);
            var parameters = method.GetParameters();
            Assert.That(parameters.Select(p => p.ParameterType).Take(2), Is.EqualTo(new[] { typeof(string), typeof(string) }), callback.OperationId);
            Assert.That(parameters[1].Name, Is.EqualTo("signature"), callback.OperationId);
            Assert.That(method.ReturnType.GetGenericTypeDefinition(), Is.EqualTo(typeof(Task<>)), callback.OperationId);
        }

        Assert.That(typeof(PixRequestsClient).GetMethod("ParseAsync")!.ReturnType, Is.EqualTo(typeof(Task<PixRequest>)));
        Assert.That(typeof(EventsClient).GetMethod("ParseAsync")!.ReturnType, Is.EqualTo(typeof(Task<Event>)));
        Assert.That(typeof(DynamicBrcodesClient).GetMethod("VerifyAsync")!.GetParameters()[0].Name, Is.EqualTo("uuid"));
        Assert.That(typeof(DynamicBrcodesClient).GetMethod("VerifyAsync")!.ReturnType, Is.EqualTo(typeof(Task<string>)));
    }

    [Test]
    public void TheSpecialShapesHaveTheirMethods()
    {
        Assert.That(typeof(PixBalanceClient).GetMethod("GetAsync")!.ReturnType, Is.EqualTo(typeof(Task<PixBalance>)), "x-stark-single-item");
        Assert.That(typeof(IssuingBalanceClient).GetMethod("GetAsync")!.ReturnType, Is.EqualTo(typeof(Task<IssuingBalance>)), "x-stark-single-item");
        Assert.That(typeof(PixStatementsClient).GetMethod("GetCsvAsync")!.ReturnType, Is.EqualTo(typeof(Task<byte[]>)));
        Assert.That(typeof(PixStatementsClient).GetMethod("GetCsvStreamAsync")!.ReturnType, Is.EqualTo(typeof(Task<Stream>)));
        Assert.That(typeof(PixKeysClient).GetMethods().Where(m => m.Name == "CreateAsync").Select(m => m.GetParameters()[0].ParameterType), Is.EqualTo(new[] { typeof(PixKey) }), "a single-object create");
        Assert.That(typeof(PixRequestsClient).GetMethods().Where(m => m.Name == "CreateAsync").Select(m => m.GetParameters()[0].ParameterType),
            Is.EquivalentTo(new[] { typeof(IEnumerable<PixRequest>), typeof(PixRequest) }), "a bulk create and its single-item overload");
    }

    [Test]
    public void TheRootClientTalksToStarkInfra()
    {
        var client = new StarkInfraClient(TestSupport.Project);
        Assert.That(client.PixRequests, Is.SameAs(client.PixRequests));
        Assert.That(client.PixRequests.Logs, Is.Not.Null);
        Assert.That(client.Request, Is.Not.Null);
        Assert.That(StarkInfraClient.Api.Name, Is.EqualTo("StarkInfra"));
        Assert.That(StarkInfraClient.Api.SandboxUrl, Is.EqualTo(new Uri("https://sandbox.api.starkinfra.com")));
        Assert.That(StarkInfraClient.Api.ProductionUrl, Is.EqualTo(new Uri("https://api.starkinfra.com")));
        Assert.That(StarkInfraClient.Api.Version, Is.EqualTo("v2"));
        Assert.That(StarkInfraClient.Api.SdkVersion, Does.Match(@"^\d+\.\d+\.\d+"));
        Assert.That(() => new StarkInfraClient((User)null!), Throws.ArgumentNullException);
    }
}
