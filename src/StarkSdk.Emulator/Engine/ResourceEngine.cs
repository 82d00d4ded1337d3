using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Content;
using StarkSdk.Emulator.Spec;
using StarkSdk.Emulator.State;

namespace StarkSdk.Emulator.Engine;

/// <summary>
/// Serves every operation generically from the spec (create, query, get, update, put, cancel, delete, PDF/PNG,
/// sub-resources, actions), asking the behaviours first where the docs specify more. Call it holding the state lock.
/// </summary>
internal sealed class ResourceEngine
{
    private const int DefaultLimit = 100;
    private readonly EmulatorContext _context;

    public ResourceEngine(EmulatorContext context)
    {
        _context = context;
    }

    private ApiSpec Spec => _context.Spec;

    public OperationResult Execute(SpecOperation op, IReadOnlyDictionary<string, string> path, JObject query, JToken? body)
    {
        return op.Kind switch
        {
            OperationKind.CreateMany => CreateMany(op, (JObject)body!),
            OperationKind.CreateOne => CreateOne(op, body as JObject ?? new JObject()),
            OperationKind.Put => Put(op, body as JObject ?? new JObject()),
            OperationKind.Query => Query(op, query),
            OperationKind.List => List(op, query),
            OperationKind.Get => Get(op, path, query),
            OperationKind.Update => Update(op, path, body as JObject ?? new JObject()),
            OperationKind.Cancel => Cancel(op, path),
            OperationKind.Delete => Delete(op, path),
            OperationKind.Binary => Binary(op, path, query),
            OperationKind.SubResource => SubResource(op, path),
            OperationKind.Action => Action(op, path, body as JObject),
            _ => throw new ApiException("notImplemented", $"{op} is not emulated", 501),
        };
    }

    private OperationResult CreateMany(SpecOperation op, JObject body)
    {
        var items = body[op.RequestKey!] as JArray ?? new JArray();
        var errors = new List<ApiError>();
        var entities = new List<JObject>();
        for (var i = 0; i < items.Count; i++)
        {
            var entity = (JObject)items[i];
            _context.Check(op.Collection, entity, $"{op.RequestKey}[{i}]", errors);
            entities.Add(entity);
        }
        if (errors.Count > 0)
            throw new ApiException(errors);
        var created = new JArray(entities.Select(e => _context.Insert(op.Collection, e).DeepClone()));
        return Respond(op, Shape(op, created), $"{Naming.Words(op.Tag ?? op.Collection)}(s) successfully created");
    }

    private OperationResult CreateOne(SpecOperation op, JObject body)
    {
        var errors = new List<ApiError>();
        _context.Check(op.Collection, body, "", errors);
        if (errors.Count > 0)
            throw new ApiException(errors);
        var created = _context.Insert(op.Collection, body);
        return Respond(op, created, $"{Naming.Words(op.Tag ?? op.Collection)} successfully created");
    }

    private OperationResult Put(SpecOperation op, JObject body)
    {
        var items = op.RequestKey != null ? body[op.RequestKey] as JArray ?? new JArray() : new JArray(body);
        var errors = new List<ApiError>();
        var existing = _context.Store.Collection(op.Collection).Items.Reverse().ToList();
        var results = new JArray();
        for (var i = 0; i < items.Count; i++)
        {
            var item = (JObject)items[i];
            var match = (string?)item["id"] is { } id ? _context.FindRecord(op.Collection, id) : i < existing.Count ? existing[i] : null;
            if (match != null)
                continue;
            _context.Check(op.Collection, item, $"{op.RequestKey}[{i}]", errors);
        }
        if (errors.Count > 0)
            throw new ApiException(errors);
        for (var i = 0; i < items.Count; i++)
        {
            var item = (JObject)items[i];
            var match = (string?)item["id"] is { } id ? _context.FindRecord(op.Collection, id) : i < existing.Count ? existing[i] : null;
            if (match == null)
            {
                results.Add(_context.Insert(op.Collection, item).DeepClone());
                continue;
            }
            ApplyUpdate(op.Collection, match.Entity, item);
            results.Add(match.Entity.DeepClone());
        }
        return Respond(op, Shape(op, results), $"{Naming.Words(op.Tag ?? op.Collection)}(s) successfully saved");
    }

    private OperationResult Query(SpecOperation op, JObject query)
    {
        var limit = (int?)(long?)query["limit"] ?? DefaultLimit;
        var filter = QueryFilter.Build(query);
        var (sortKey, descending) = Sorting(query);
        var records = _context.Store.Collection(op.Collection).Items.Where(r => filter(r.Entity));
        var page = Pager.Paginate(records, sortKey, descending, limit, (string?)query["cursor"], op.Collection + "?sort=" + (string?)query["sort"]);
        var fields = Fields(query);
        var result = new JObject
        {
            ["cursor"] = page.Cursor,
            [op.ResponseKey ?? "items"] = new JArray(page.Items.Select(r => Project(r.Entity, fields))),
        };
        return OperationResult.Ok(result);
    }

    private OperationResult List(SpecOperation op, JObject query)
    {
        var filter = QueryFilter.Build(query);
        var fields = Fields(query);
        var items = _context.Store.Collection(op.Collection).Items.Reverse().Where(r => filter(r.Entity)).Select(r => Project(r.Entity, fields)).ToList();
        var result = new JObject();
        if (SchemaWalker.Property(Spec, op.ResponseSchema, "cursor") != null)
            result["cursor"] = null;
        var key = op.ResponseKey;
        if (key == null)
            return OperationResult.Ok(items.FirstOrDefault() ?? new JObject());
        var isArray = SchemaWalker.IsArray(Spec, SchemaWalker.Property(Spec, op.ResponseSchema, key));
        result[key] = isArray ? new JArray(items) : items.FirstOrDefault() ?? new JObject();
        return OperationResult.Ok(result);
    }

    private OperationResult Get(SpecOperation op, IReadOnlyDictionary<string, string> path, JObject query)
    {
        var record = Find(op, path);
        return Respond(op, Project(record.Entity, Fields(query)), null);
    }

    private OperationResult Update(SpecOperation op, IReadOnlyDictionary<string, string> path, JObject changes)
    {
        var record = Find(op, path);
        ApplyUpdate(op.Collection, record.Entity, changes);
        return Respond(op, record.Entity, $"{Naming.Words(op.Tag ?? op.Collection)} successfully updated");
    }

    private void ApplyUpdate(string collection, JObject entity, JObject changes)
    {
        foreach (var behaviour in _context.For(collection))
        {
            if (behaviour.Update(_context, collection, entity, changes))
                return;
        }
        var oldStatus = (string?)entity["status"];
        foreach (var property in changes.Properties())
            entity[property.Name] = property.Value.DeepClone();
        var newStatus = (string?)entity["status"];
        _context.Touch(collection, entity);
        var type = newStatus != null && newStatus != oldStatus && _context.HasLogType(collection, newStatus) ? newStatus : "updated";
        _context.Log(collection, entity, type);
    }

    private OperationResult Cancel(SpecOperation op, IReadOnlyDictionary<string, string> path)
    {
        var record = Find(op, path);
        var handled = _context.For(op.Collection).Any(b => b.Cancel(_context, op.Collection, record.Entity));
        if (!handled)
        {
            var info = _context.Catalog.Get(op.Collection);
            var canceled = _context.StatusOf(op.Collection, "canceled", "cancelled");
            if (info.Statuses.Contains(canceled) && (string?)record.Entity["status"] == canceled)
                throw new ApiException("invalid" + Naming.Pascal(op.Collection) + "Status", $"the {Naming.Words(op.Collection)} {record.Key} is already {canceled}");
            _context.ChangeStatus(op.Collection, record.Entity, canceled, _context.LogTypeOf(op.Collection, "canceled", "cancelled", "canceling"));
        }
        return Respond(op, record.Entity, $"{Naming.Words(op.Tag ?? op.Collection)} successfully canceled");
    }

    private OperationResult Delete(SpecOperation op, IReadOnlyDictionary<string, string> path)
    {
        var record = Find(op, path);
        var handled = _context.For(op.Collection).Any(b => b.Cancel(_context, op.Collection, record.Entity));
        if (!handled)
        {
            _context.Log(op.Collection, record.Entity, _context.LogTypeOf(op.Collection, "deleted", "canceled"));
            _context.Remove(op.Collection, record.Key);
        }
        return Respond(op, record.Entity, $"{Naming.Words(op.Tag ?? op.Collection)} successfully deleted");
    }

    private OperationResult Binary(SpecOperation op, IReadOnlyDictionary<string, string> path, JObject query)
    {
        var record = Find(op, path);
        var type = op.ResponseContentType ?? "application/octet-stream";
        var entity = record.Entity;
        if (type.Contains("png", StringComparison.OrdinalIgnoreCase))
        {
            var size = (int?)(long?)query["size"] ?? 7;
            var content = (string?)entity["brcode"] ?? (string?)entity["line"] ?? (string?)entity["id"] ?? record.Key;
            return OperationResult.File(QrCodeImage.Png(content, size), type);
        }
        if (type.Contains("pdf", StringComparison.OrdinalIgnoreCase))
        {
            var title = $"{Naming.Words(op.Tag ?? op.Collection)} {record.Key} (emulator)";
            var lines = entity.Properties()
                .Where(p => p.Value is JValue)
                .Select(p => p.Name + ": " + p.Value.ToString() + Money(p));
            return OperationResult.File(PdfDocuments.Render(title, lines), type);
        }
        return OperationResult.File(System.Text.Encoding.UTF8.GetBytes(entity.ToString()), type);
    }

    private OperationResult SubResource(SpecOperation op, IReadOnlyDictionary<string, string> path)
    {
        var record = Find(op, path);
        foreach (var behaviour in _context.For(op.Collection))
        {
            if (behaviour.SubResource(_context, op, record.Entity) is { } value)
                return Respond(op, value, null);
        }
        if (op.ResponseKey != null && record.Extras.TryGetValue(op.ResponseKey, out var extra))
            return Respond(op, extra, null);
        if (op.Action != null && record.Entity[op.Action] is { } inline)
            return Respond(op, inline, null);
        throw new ApiException("invalid" + Naming.Pascal(op.Collection) + "Status",
            $"the {op.Action ?? op.ResponseKey} of {Naming.Words(op.Collection)} {record.Key} is not available in its current status ({(string?)record.Entity["status"] ?? "unknown"})");
    }

    private OperationResult Action(SpecOperation op, IReadOnlyDictionary<string, string> path, JObject? body)
    {
        var record = Find(op, path);
        foreach (var behaviour in _context.For(op.Collection))
        {
            if (behaviour.Action(_context, op, record.Entity, body) is { } value)
                return Respond(op, value, null);
        }
        throw new ApiException("notImplemented", $"{op} is not emulated", 501);
    }

    private EntityRecord Find(SpecOperation op, IReadOnlyDictionary<string, string> path)
    {
        var field = op.IdParameter ?? "id";
        var value = path.TryGetValue(field, out var v) ? v : "";
        return _context.Require(op.Collection, value, field);
    }

    /// <summary>Wraps the value in the operation's envelope, adding a message when the response schema has one.</summary>
    private OperationResult Respond(SpecOperation op, JToken value, string? message)
    {
        value = value.DeepClone(); // never hand out (or re-parent) stored tokens
        if (op.ResponseKey == null)
            return OperationResult.Ok(value);
        var result = new JObject();
        if (SchemaWalker.Property(Spec, op.ResponseSchema, "message") != null)
        {
            message ??= $"{Naming.Words(op.Action ?? op.Tag ?? op.Collection)} successfully {(op.Method == "GET" ? "retrieved" : "processed")}";
            result["message"] = char.ToUpperInvariant(message[0]) + message.Substring(1);
        }
        result[op.ResponseKey] = value;
        return OperationResult.Ok(result);
    }

    /// <summary>" (R$ 1,234.56)" after amounts in cents, so a PDF reads like a receipt.</summary>
    private static string Money(JProperty property) =>
        property.Value.Type == JTokenType.Integer && property.Name.EndsWith("mount", StringComparison.Ordinal)
            ? " (R$ " + ((long)property.Value / 100m).ToString("N2", CultureInfo.InvariantCulture) + ")"
            : "";

    /// <summary>A list when the response key holds an array, else its single item.</summary>
    private JToken Shape(SpecOperation op, JArray items)
    {
        if (op.ResponseKey == null)
            return items;
        var schema = SchemaWalker.Property(Spec, op.ResponseSchema, op.ResponseKey);
        return schema == null || SchemaWalker.IsArray(Spec, schema) ? items : items.FirstOrDefault() ?? new JObject();
    }

    private static (Func<EntityRecord, string>? Key, bool Descending) Sorting(JObject query)
    {
        var sort = (string?)query["sort"];
        if (string.IsNullOrEmpty(sort))
            return (null, true);
        var descending = sort.StartsWith("-", StringComparison.Ordinal);
        var field = sort.TrimStart('-', '+');
        return (r => r.Entity[field] is JValue v ? Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "" : "", descending);
    }

    private static HashSet<string>? Fields(JObject query) =>
        query["fields"] is JArray fields && fields.Count > 0
            ? new HashSet<string>(fields.Select(f => f.ToString()), StringComparer.Ordinal)
            : null;

    private static JObject Project(JObject entity, HashSet<string>? fields)
    {
        if (fields == null)
            return (JObject)entity.DeepClone();
        var projected = new JObject();
        foreach (var property in entity.Properties())
        {
            if (fields.Contains(property.Name) || property.Name == "id")
                projected[property.Name] = property.Value.DeepClone();
        }
        return projected;
    }
}
