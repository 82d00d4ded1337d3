namespace StarkSdk.Generator.Modeling
{
    internal enum ResultKind
    {
        /// <summary>No content: the method returns a plain Task.</summary>
        None,

        /// <summary>A JSON value (the envelope property named by x-stark-response-key, or the whole body).</summary>
        Json,

        /// <summary>A paged list: QueryAsync + PageAsync.</summary>
        Paged,

        /// <summary>A binary body (PDF, PNG): bytes + stream methods.</summary>
        Binary,

        /// <summary>The only item of a one-item list (x-stark-single-item: the balance's <c>{"balances": [{...}]}</c>).</summary>
        SingleItem,
    }

    /// <summary>One operation of the spec, as a client method (or a pair of them).</summary>
    /// <param name="MethodName">x-stark-method, without Async.</param>
    /// <param name="HttpMethod">Upper-case HTTP verb.</param>
    /// <param name="Path">The path relative to the version root, split into literal text and parameters.</param>
    /// <param name="OptionsType">The generated query options class, if the operation has query parameters.</param>
    /// <param name="LimitType">The type of the <c>limit</c> query parameter, if any (QueryAsync passes it to the pager).</param>
    /// <param name="CursorParameter">Wire name of the cursor parameter of a paged operation.</param>
    internal sealed record OperationModel(
        string OperationId,
        string MethodName,
        string HttpMethod,
        EquatableArray<PathSegment> Path,
        EquatableArray<ParameterModel> PathParameters,
        string? OptionsType,
        TypeRef? LimitType,
        bool OptionsHasRequired,
        string? CursorParameter,
        BodyModel? Body,
        ResultModel Result,
        string? Summary,
        string? Description,
        bool IsDeprecated);

    /// <summary>A piece of a path: literal text or the C# name of a path parameter.</summary>
    internal sealed record PathSegment(string Text, bool IsParameter);

    internal sealed record ParameterModel(string Name, string WireName, string? Description);

    /// <summary>The request body.</summary>
    /// <param name="ItemType">The type sent (the list item type when <paramref name="IsList"/>).</param>
    /// <param name="EnvelopeKey">x-stark-request-key: the body is <c>{"key": value}</c>.</param>
    /// <param name="SingleParameterName">For lists: the name of the single-item overload's parameter.</param>
    internal sealed record BodyModel(
        TypeRef ItemType,
        string? EnvelopeKey,
        bool IsList,
        string ParameterName,
        string? SingleParameterName,
        string? Description);

    /// <summary>What the operation returns.</summary>
    /// <param name="Type">The JSON result type; the item type for paged and single-item results.</param>
    internal sealed record ResultModel(ResultKind Kind, TypeRef? Type, string? ResponseKey, string? Description);
}
