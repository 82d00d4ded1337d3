using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>A signed callback (an x-stark-callback entry of <c>webhooks:</c>) as read, before it is placed in its client.</summary>
    internal sealed class CallbackDraft
    {
        public CallbackDraft(string operationId, string callbackName, string methodName, YamlNode node)
        {
            OperationId = operationId;
            CallbackName = callbackName;
            MethodName = methodName;
            Node = node;
        }

        public string OperationId { get; }

        public string CallbackName { get; }

        /// <summary>x-stark-method, or Parse (Verify for a callback without body) + the callback name.</summary>
        public string MethodName { get; }

        /// <summary>The operation's operationId node, for diagnostics.</summary>
        public YamlNode Node { get; }

        /// <summary>x-stark-client split on dots, or null when the client comes from the resource tag.</summary>
        public string[]? ClientPath { get; set; }

        public string? Tag { get; set; }

        public TypeRef? BodyType { get; set; }

        public string? EnvelopeKey { get; set; }

        public string? ValueParameter { get; set; }

        public string? ValueWireName { get; set; }

        public string? AnswerType { get; set; }

        public string? Summary { get; set; }

        public string? Description { get; set; }

        public bool IsDeprecated { get; set; }

        /// <summary>POST, or GET for a callback whose signed value is a query parameter.</summary>
        public string HttpMethod { get; set; } = "POST";

        /// <summary>The documented time to answer, or null when the spec states none.</summary>
        public int? DeadlineMilliseconds { get; set; }

        /// <summary>The documented denial as compact JSON, or null.</summary>
        public string? SafeDefaultJson { get; set; }

        public string EmittedMethodName => MethodName + "Async";

        public CallbackModel ToModel() => new CallbackModel(
            OperationId, MethodName, CallbackName, BodyType, EnvelopeKey, ValueParameter, ValueWireName, AnswerType, Summary, Description, IsDeprecated, HttpMethod, DeadlineMilliseconds, SafeDefaultJson);
    }
}
