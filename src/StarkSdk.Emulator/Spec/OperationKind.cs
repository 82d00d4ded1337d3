namespace StarkSdk.Emulator.Spec;

/// <summary>How the generic engine serves an operation, derived from its HTTP method, path shape and x-stark extensions.</summary>
public enum OperationKind
{
    /// <summary>Not served generically; only a behaviour can answer it.</summary>
    Unsupported,

    /// <summary>POST on a collection with a list of items under the request key.</summary>
    CreateMany,

    /// <summary>POST on a collection with one item as the body.</summary>
    CreateOne,

    /// <summary>PUT on a collection: creates or replaces.</summary>
    Put,

    /// <summary>Paged GET of a collection (it has a <c>cursor</c> parameter).</summary>
    Query,

    /// <summary>GET of a collection without paging (a singleton such as the balance).</summary>
    List,

    /// <summary>GET of one entity by id.</summary>
    Get,

    /// <summary>PATCH of one entity.</summary>
    Update,

    /// <summary>DELETE that changes the entity's status to canceled.</summary>
    Cancel,

    /// <summary>DELETE that removes the entity.</summary>
    Delete,

    /// <summary>GET of a binary rendition of an entity (PDF, PNG).</summary>
    Binary,

    /// <summary>GET of a JSON sub-resource of an entity (e.g. an invoice's payment).</summary>
    SubResource,

    /// <summary>POST on an entity (e.g. a merchant session's purchase).</summary>
    Action,
}
