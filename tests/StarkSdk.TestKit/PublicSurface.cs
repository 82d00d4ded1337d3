using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace StarkSdk.TestKit;

/// <summary>Reflection over an assembly's public surface, for convention checks.</summary>
public static class PublicSurface
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The public types (nested public types included), compiler-generated ones left out.</summary>
    public static IReadOnlyList<Type> Types(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)).ToList();

    /// <summary>The public methods a type declares itself, without property and event accessors or operators.</summary>
    public static IEnumerable<MethodInfo> Methods(Type type) =>
        type.GetMethods(Declared).Where(m => !m.IsSpecialName);

    /// <summary>Whether a method returns a task, a value task or an async stream.</summary>
    public static bool IsAsync(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(Task) || type == typeof(ValueTask))
            return true;
        if (!type.IsGenericType)
            return false;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>);
    }

    /// <summary>Whether a method takes a <see cref="CancellationToken"/>.</summary>
    public static bool TakesCancellationToken(MethodInfo method) =>
        method.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken));

    /// <summary>
    /// Whether the method's shape is fixed by a contract outside the assembly (an override of, or an implementation of
    /// an interface from, another assembly: <c>DisposeAsync</c>, <c>HttpMessageHandler.SendAsync</c>, ...).
    /// </summary>
    public static bool IsExternalContract(MethodInfo method)
    {
        var assembly = method.DeclaringType!.Assembly;
        if (method.GetBaseDefinition().DeclaringType!.Assembly != assembly)
            return true;
        foreach (var contract in method.DeclaringType.GetInterfaces().Where(i => i.Assembly != assembly))
        {
            if (method.DeclaringType.IsInterface)
                continue;
            var map = method.DeclaringType.GetInterfaceMap(contract);
            if (map.TargetMethods.Contains(method))
                return true;
        }
        return false;
    }

    /// <summary>The XML documentation ids (<c>T:</c>, <c>P:</c>, <c>M:</c>...) that the assembly's documentation file next to it documents.</summary>
    public static ISet<string> DocumentedIds(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
            throw new FileNotFoundException($"No XML documentation file next to {assembly.Location} (GenerateDocumentationFile is on for src/).", path);
        return XDocument.Load(path).Descendants("member")
            .Select(m => (string?)m.Attribute("name"))
            .Where(n => n != null)
            .Select(n => n!)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The documentation id of a property, e.g. <c>P:StarkSdk.Bank.Invoice.Amount</c>.</summary>
    public static string DocumentationId(PropertyInfo property) =>
        "P:" + TypeId(property.DeclaringType!) + "." + property.Name;

    private static string TypeId(Type type) => (type.FullName ?? type.Name).Replace('+', '.');
}
