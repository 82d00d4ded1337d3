namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// A signed callback the API sends to the customer (an <c>x-stark-callback</c> entry of the top-level
    /// <c>webhooks:</c> map), emitted as a method that verifies the <c>Digital-Signature</c> and returns the payload.
    /// </summary>
    /// <param name="MethodName">The method name without Async (x-stark-method, or Parse/Verify + the callback name).</param>
    /// <param name="CallbackName">The x-stark-callback value.</param>
    /// <param name="BodyType">The type of the signed JSON body (of its <see cref="EnvelopeKey"/> property); null for a callback without body.</param>
    /// <param name="EnvelopeKey">x-stark-request-key: the body property that holds the payload (<c>event</c>), or null for the whole body.</param>
    /// <param name="ValueParameter">For a callback without body (a GET): the C# name of the signed query parameter, returned as is once verified.</param>
    /// <param name="ValueWireName">The wire name of <see cref="ValueParameter"/>.</param>
    /// <param name="AnswerType">The type of the JSON answer (the 200 response), if it is one named type.</param>
    internal sealed record CallbackModel(
        string OperationId,
        string MethodName,
        string CallbackName,
        TypeRef? BodyType,
        string? EnvelopeKey,
        string? ValueParameter,
        string? ValueWireName,
        string? AnswerType,
        string? Summary,
        string? Description,
        bool IsDeprecated,
        string HttpMethod,
        int? DeadlineMilliseconds,
        string? SafeDefaultJson);
}
