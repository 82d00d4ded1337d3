using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Engine;

/// <summary>The spec's operations grouped into <see cref="CollectionInfo"/>s, plus the route table.</summary>
public sealed class SpecCatalog
{
    private static readonly HashSet<string> LogFields = new(StringComparer.Ordinal) { "id", "created", "updated", "type", "errors" };
    private readonly Dictionary<string, CollectionInfo> _collections = new(StringComparer.Ordinal);

    /// <summary>Reads the catalog of a spec.</summary>
    public SpecCatalog(ApiSpec spec)
    {
        Spec = spec;
        Routes = new RouteTable(spec);
        foreach (var group in spec.Operations.GroupBy(o => o.Collection))
        {
            var info = new CollectionInfo(group.Key) { Operations = group.ToList() };
            Describe(info, group.ToList());
            _collections[group.Key] = info;
        }
        foreach (var info in _collections.Values)
        {
            if (_collections.TryGetValue(info.Name + "/log", out var logs) && logs != info)
            {
                info.Logs = logs;
                logs.EmbedKey = FindEmbedKey(logs, info);
                logs.LogTypes = SchemaWalker.Enum(spec, logs.Properties.TryGetValue("type", out var type) ? type : null);
            }
        }
    }

    /// <summary>The spec.</summary>
    public ApiSpec Spec { get; }

    /// <summary>The route table.</summary>
    public RouteTable Routes { get; }

    /// <summary>Every collection.</summary>
    public IEnumerable<CollectionInfo> Collections => _collections.Values;

    /// <summary>The collection of that name, or null.</summary>
    public CollectionInfo? Find(string name) => _collections.TryGetValue(name, out var info) ? info : null;

    /// <summary>The collection of that name, or an empty description for collections the spec does not serve.</summary>
    public CollectionInfo Get(string name)
    {
        if (!_collections.TryGetValue(name, out var info))
            _collections[name] = info = new CollectionInfo(name);
        return info;
    }

    private void Describe(CollectionInfo info, List<SpecOperation> operations)
    {
        var get = operations.FirstOrDefault(o => o.Kind == OperationKind.Get && o.RespondsJson);
        var query = operations.FirstOrDefault(o => o.Kind is OperationKind.Query or OperationKind.List);
        info.Singular = get?.ResponseKey;
        info.Plural = query?.ResponseKey;

        JToken? schema = null;
        if (get?.ResponseKey != null)
            schema = SchemaWalker.Property(Spec, get.ResponseSchema, get.ResponseKey);
        if (schema == null && query?.ResponseKey != null)
            schema = SchemaWalker.ItemsOrSelf(Spec, SchemaWalker.Property(Spec, query.ResponseSchema, query.ResponseKey));
        if (schema == null)
        {
            var create = operations.FirstOrDefault(o => o.Kind is OperationKind.CreateMany or OperationKind.CreateOne or OperationKind.Put);
            if (create?.ResponseKey != null)
                schema = SchemaWalker.ItemsOrSelf(Spec, SchemaWalker.Property(Spec, create.ResponseSchema, create.ResponseKey));
        }
        info.EntitySchema = schema;
        info.Properties = SchemaWalker.Properties(Spec, schema);
        info.Statuses = info.Properties.TryGetValue("status", out var status) ? SchemaWalker.Enum(Spec, status) : new List<string>();
    }

    private string? FindEmbedKey(CollectionInfo logs, CollectionInfo entity)
    {
        var entityRef = ApiSpec.RefName(entity.EntitySchema);
        foreach (var (name, schema) in logs.Properties)
        {
            if (LogFields.Contains(name))
                continue;
            if (entityRef != null && ApiSpec.RefName(schema) == entityRef)
                return name;
        }
        // Fallback: the one object-valued property that is not a standard log field.
        return logs.Properties
            .Where(p => !LogFields.Contains(p.Key))
            .Where(p => p.Value["$ref"] != null || (string?)Spec.Deref(p.Value)["type"] == "object")
            .Select(p => p.Key)
            .FirstOrDefault();
    }
}
