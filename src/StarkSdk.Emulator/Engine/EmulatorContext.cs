using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Spec;
using StarkSdk.Emulator.State;

namespace StarkSdk.Emulator.Engine;

/// <summary>
/// What behaviours (and the engine) use to read and change the emulator's state: the spec, the store, ids, the
/// clock, entity creation with defaults, logs (which raise events), status changes. Use it only while holding
/// <see cref="EntityStore.SyncRoot"/> (every behaviour hook already does).
/// </summary>
public sealed class EmulatorContext
{
    private readonly Clock _clock;

    internal EmulatorContext(SpecCatalog catalog, EntityStore store, IdGenerator ids, Clock clock, EmulatorOptions options,
        IReadOnlyList<ResourceBehaviour> behaviours, string workspaceId)
    {
        Catalog = catalog;
        Store = store;
        Ids = ids;
        _clock = clock;
        Options = options;
        Behaviours = behaviours;
        WorkspaceId = workspaceId;
    }

    /// <summary>The spec.</summary>
    public ApiSpec Spec => Catalog.Spec;

    /// <summary>The collections of the spec.</summary>
    public SpecCatalog Catalog { get; }

    /// <summary>The state.</summary>
    public EntityStore Store { get; }

    /// <summary>Id and uuid generator.</summary>
    public IdGenerator Ids { get; }

    /// <summary>The emulator's settings.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The behaviours, in the order they are asked.</summary>
    public IReadOnlyList<ResourceBehaviour> Behaviours { get; }

    /// <summary>The PEM of the public key that verifies the emulator's signatures (webhooks).</summary>
    public string SigningPublicKeyPem { get; internal set; } = "";

    /// <summary>The emulated workspace's id.</summary>
    public string WorkspaceId { get; }

    /// <summary>The emulator's base URL (<c>http://127.0.0.1:port</c>), for links in entities.</summary>
    public string BaseUrl { get; internal set; } = "http://127.0.0.1";

    /// <summary>The version path segment of the spec's routes (<c>v2</c>).</summary>
    public string Version => Spec.Operations.FirstOrDefault()?.VersionSegment ?? "v2";

    /// <summary>Now (UTC).</summary>
    public DateTimeOffset Now => _clock.Now;

    /// <summary>Now as the API writes date-times.</summary>
    public string NowIso() => Clock.Iso(_clock.Now);

    /// <summary>Called for every log written (the webhook module turns it into an event).</summary>
    internal Action<CollectionInfo, JObject>? LogCreated { get; set; }

    /// <summary>A new 16-digit id.</summary>
    public string NewId() => Ids.NewId();

    /// <summary>The behaviours that apply to a collection.</summary>
    public IEnumerable<ResourceBehaviour> For(string collection) => Behaviours.Where(b => b.AppliesTo(collection));

    /// <summary>The stored record of an entity, found by id (or by another field such as <c>uuid</c>), or null.</summary>
    public EntityRecord? FindRecord(string collection, string value, string field = "id") =>
        Store.Collection(collection).FindBy(field, value);

    /// <summary>A stored entity, or null.</summary>
    public JObject? Find(string collection, string value, string field = "id") => FindRecord(collection, value, field)?.Entity;

    /// <summary>A stored entity, else one a behaviour resolves; else throws the API's not-found error.</summary>
    public EntityRecord Require(string collection, string value, string field = "id")
    {
        var record = FindRecord(collection, value, field);
        if (record != null)
            return record;
        foreach (var behaviour in For(collection))
        {
            if (behaviour.Resolve(this, collection, value) is { } resolved)
                return new EntityRecord(value, 0, resolved);
        }
        throw NotFound(collection, field, value);
    }

    /// <summary>Every stored entity of a collection, oldest first.</summary>
    public IEnumerable<JObject> All(string collection) => Store.Collection(collection).Items.Select(r => r.Entity);

    /// <summary>The API's error for an unknown id: HTTP 400, code <c>invalid{Collection}{Field}</c>.</summary>
    public static ApiException NotFound(string collection, string field, string value) =>
        new("invalid" + Naming.Pascal(collection) + Naming.Pascal(field),
            $"{field}: no {Naming.Words(collection)} has the {field} '{value}'");

    /// <summary>
    /// Creates an entity as the API would: behaviours check it and fill documented defaults, then read-only defaults
    /// (id, created, status, ...) are filled, it is stored and its creation is logged.
    /// </summary>
    /// <exception cref="ApiException">A behaviour refused it.</exception>
    public JObject Create(string collection, JObject entity)
    {
        var errors = new List<ApiError>();
        Check(collection, entity, "", errors);
        if (errors.Count > 0)
            throw new ApiException(errors);
        return Insert(collection, entity);
    }

    /// <summary>Runs the behaviours' <see cref="ResourceBehaviour.BeforeCreate"/> checks, adding problems to <paramref name="errors"/>.</summary>
    public void Check(string collection, JObject entity, string path, IList<ApiError> errors)
    {
        foreach (var behaviour in For(collection))
            behaviour.BeforeCreate(this, collection, entity, path, errors);
    }

    /// <summary>Fills read-only defaults, stores the entity, logs its creation and runs <see cref="ResourceBehaviour.AfterCreate"/>.</summary>
    public JObject Insert(string collection, JObject entity)
    {
        var info = Catalog.Get(collection);
        FillDefaults(info, entity);
        var ordered = Ordered(info, entity);
        var key = (string?)ordered["id"] ?? NewId();
        Store.Add(collection, key, ordered);
        var status = (string?)ordered["status"];
        if (HasLogType(collection, "created"))
            Log(collection, ordered, "created");
        else if (status != null)
            Log(collection, ordered, status);
        foreach (var behaviour in For(collection))
            behaviour.AfterCreate(this, collection, ordered);
        return ordered;
    }

    /// <summary>Fills the read-only properties a new entity lacks: id, uuid, created, updated, status, workspaceId, zero amounts, empty lists; and the schema's defaults.</summary>
    public void FillDefaults(CollectionInfo info, JObject entity)
    {
        foreach (var (name, schema) in info.Properties)
        {
            if (entity[name] is { } present && present.Type != JTokenType.Null)
                continue;
            var resolved = Spec.Deref(schema);
            var readOnly = info.IsReadOnly(name, Spec);
            var fallback = schema["default"] ?? resolved["default"];
            if (!readOnly)
            {
                if (fallback != null)
                    entity[name] = fallback.DeepClone();
                continue;
            }
            var type = TypeOf(resolved) ?? TypeOf(schema);
            switch (name)
            {
                case "id" when type is null or "string":
                    entity[name] = NewId();
                    continue;
                case "uuid":
                    entity[name] = Ids.NewUuid();
                    continue;
                case "created":
                case "updated":
                    entity[name] = NowIso();
                    continue;
                case "status" when info.InitialStatus != null:
                    entity[name] = info.InitialStatus;
                    continue;
                case "workspaceId":
                    entity[name] = WorkspaceId;
                    continue;
            }
            if (fallback != null)
                entity[name] = fallback.DeepClone();
            else if (type == "integer")
                entity[name] = 0;
            else if (type == "array")
                entity[name] = new JArray();
        }
    }

    /// <summary>Sets <c>updated</c> to now when the collection has it.</summary>
    public void Touch(string collection, JObject entity)
    {
        if (Catalog.Get(collection).Has("updated"))
            entity["updated"] = NowIso();
    }

    /// <summary>Whether the collection has logs with this type.</summary>
    public bool HasLogType(string collection, string type)
    {
        var logs = Catalog.Find(collection)?.Logs;
        return logs != null && (logs.LogTypes.Count == 0 || logs.LogTypes.Contains(type));
    }

    /// <summary>
    /// Writes a log of the entity as it is now (and so an event). Returns null, writing nothing, when the collection
    /// has no logs or the spec's log type enum lacks <paramref name="type"/>.
    /// </summary>
    public JObject? Log(string collection, JObject entity, string type, IEnumerable<ApiError>? errors = null)
    {
        var info = Catalog.Find(collection);
        var logs = info?.Logs;
        if (info == null || logs == null || !HasLogType(collection, type))
            return null;
        var log = new JObject
        {
            ["id"] = NewId(),
            ["created"] = NowIso(),
            ["type"] = type,
            ["errors"] = LogErrors(logs, errors),
        };
        if (logs.Has("updated"))
            log["updated"] = log["created"]!.DeepClone();
        if (logs.EmbedKey != null)
            log[logs.EmbedKey] = entity.DeepClone();
        var ordered = Ordered(logs, log);
        Store.Add(logs.Name, (string)ordered["id"]!, ordered);
        LogCreated?.Invoke(info, ordered);
        return ordered;
    }

    /// <summary>
    /// Moves an entity to <paramref name="status"/> (when the spec's enum has it), touches <c>updated</c> and logs the
    /// change with <paramref name="logType"/> (default: the status itself, when it is a log type).
    /// </summary>
    public JObject ChangeStatus(string collection, JObject entity, string status, string? logType = null, IEnumerable<ApiError>? errors = null)
    {
        var info = Catalog.Get(collection);
        if (info.Statuses.Count == 0 || info.Statuses.Contains(status))
            entity["status"] = status;
        Touch(collection, entity);
        Log(collection, entity, logType ?? status, errors);
        return entity;
    }

    /// <summary>A log's <c>errors</c>: objects <c>{code, message}</c> when the log schema's items are objects, else the messages.</summary>
    private JArray LogErrors(CollectionInfo logs, IEnumerable<ApiError>? errors)
    {
        var list = new JArray();
        if (errors == null)
            return list;
        var items = logs.Properties.TryGetValue("errors", out var schema) ? Spec.Deref(schema)["items"] : null;
        var asObjects = items != null && (string?)Spec.Deref(items)["type"] == "object";
        foreach (var error in errors)
            list.Add(asObjects ? error.ToJson() : new JValue(error.Message));
        return list;
    }

    /// <summary>The first value of <paramref name="candidates"/> that the collection's status enum has (for spellings that differ between docs, like void/voided).</summary>
    public string StatusOf(string collection, params string[] candidates)
    {
        var statuses = Catalog.Get(collection).Statuses;
        return candidates.FirstOrDefault(statuses.Contains) ?? candidates[0];
    }

    /// <summary>The first of <paramref name="candidates"/> that is a log type of the collection (else the first candidate).</summary>
    public string LogTypeOf(string collection, params string[] candidates) =>
        candidates.FirstOrDefault(c => HasLogType(collection, c)) ?? candidates[0];

    /// <summary>Removes an entity.</summary>
    public bool Remove(string collection, string key) => Store.Remove(collection, key);

    /// <summary>A copy of the entity with its properties in the schema's order (then any others).</summary>
    internal static JObject Ordered(CollectionInfo info, JObject entity)
    {
        if (info.Properties.Count == 0)
            return entity;
        var ordered = new JObject();
        foreach (var name in info.Properties.Keys)
        {
            if (entity[name] is { } value)
                ordered[name] = value;
        }
        foreach (var property in entity.Properties())
        {
            if (ordered[property.Name] == null)
                ordered[property.Name] = property.Value;
        }
        return ordered;
    }

    private static string? TypeOf(JToken schema)
    {
        var type = schema["type"];
        if (type is JArray types)
            return types.Select(t => (string?)t).FirstOrDefault(t => t != "null");
        return (string?)type;
    }
}
