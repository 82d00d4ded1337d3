using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Engine;

/// <summary>
/// A plug-in that adds what the documentation says about some collections to the generic, spec-driven engine:
/// defaults, business rules, status flows, sandbox triggers. Every hook has a do-nothing default; hooks that return a
/// value return null (or false) to let the next behaviour, and then the engine, handle the call.
/// All hooks run while the emulator's state lock is held: keep them synchronous and quick.
/// </summary>
public abstract class ResourceBehaviour
{
    /// <summary>Whether this behaviour handles the collection (<c>invoice</c>, <c>merchant-session</c>, ...).</summary>
    public abstract bool AppliesTo(string collection);

    /// <summary>Adds initial data (at start-up and after a reset), e.g. the balance or the public key.</summary>
    public virtual void Seed(EmulatorContext context)
    {
    }

    /// <summary>
    /// Before an entity is stored: fills documented defaults and checks rules the schema cannot express. Add one error
    /// per problem to <paramref name="errors"/> (prefix messages with <paramref name="path"/>); the engine answers 400
    /// with all of them and stores nothing.
    /// </summary>
    public virtual void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
    }

    /// <summary>After an entity was stored and its creation logged: starts flows (e.g. a card purchase's outcome).</summary>
    public virtual void AfterCreate(EmulatorContext context, string collection, JObject entity)
    {
    }

    /// <summary>A PATCH (or PUT on an id). Return true when handled; throw <see cref="ApiException"/> to refuse it.</summary>
    public virtual bool Update(EmulatorContext context, string collection, JObject entity, JObject changes) => false;

    /// <summary>A DELETE that cancels. Return true when handled; throw <see cref="ApiException"/> to refuse it.</summary>
    public virtual bool Cancel(EmulatorContext context, string collection, JObject entity) => false;

    /// <summary>A POST on an entity (e.g. <c>/merchant-session/{uuid}/purchase</c>). Return the value of the response key, or null.</summary>
    public virtual JToken? Action(EmulatorContext context, SpecOperation operation, JObject entity, JObject? body) => null;

    /// <summary>A JSON GET under an entity (e.g. <c>/invoice/{id}/payment</c>). Return the value of the response key, or null.</summary>
    public virtual JToken? SubResource(EmulatorContext context, SpecOperation operation, JObject entity) => null;

    /// <summary>An entity the store does not have but the API would know (e.g. any Pix key in the DICT), or null.</summary>
    public virtual JObject? Resolve(EmulatorContext context, string collection, string id) => null;

    /// <summary>
    /// An admin trigger (<c>POST /emulator/{collection}/{id}/{action}</c>, or <c>/emulator/{collection}/{action}</c> with a
    /// null <paramref name="entity"/>). Return the result (usually the changed entity), or null when the action is not this behaviour's.
    /// </summary>
    public virtual JToken? Admin(EmulatorContext context, string collection, JObject? entity, string action, JObject body) => null;
}
