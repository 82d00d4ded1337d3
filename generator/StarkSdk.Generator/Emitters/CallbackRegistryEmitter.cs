using System.Collections.Generic;
using System.Globalization;
using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>
    /// Emits, for a spec with signed callbacks (x-stark-callback in <c>webhooks:</c>), a registry that integrations
    /// (StarkSdk.AspNetCore) read instead of hand-listing them: <c>{Api}Callbacks</c> with one <c>{Api}Callback</c> per
    /// callback — the parsed type, the answer type, the documented deadline, the documented safe answer and a delegate to
    /// the generated verify-and-parse method.
    /// </summary>
    internal static class CallbackRegistryEmitter
    {
        /// <summary>The registry's hint name and source, or null when the spec has no callbacks.</summary>
        public static (string HintName, string Source)? Emit(SpecResult result)
        {
            var callbacks = new List<(ClientModel Client, CallbackModel Callback)>();
            string? rootClient = null;
            foreach (var unit in result.Units)
            {
                if (unit is ClientModel client)
                {
                    rootClient ??= client.RootClientName;
                    foreach (var callback in client.Callbacks)
                    {
                        callbacks.Add((client, callback));
                    }
                }
            }

            if (callbacks.Count == 0 || rootClient is null)
            {
                return null;
            }

            callbacks.Sort((a, b) => string.CompareOrdinal(a.Callback.CallbackName, b.Callback.CallbackName));
            var prefix = rootClient.EndsWith("Client", System.StringComparison.Ordinal) ? rootClient.Substring(0, rootClient.Length - "Client".Length) : rootClient;
            var info = prefix + "Callback";
            var registry = prefix + "Callbacks";
            var writer = FileHeader.Begin(result.Namespace, usesDate: false);
            EmitInfo(writer, info, rootClient);
            writer.Line();
            writer.Line($"/// <summary>");
            writer.Line($"/// The signed callbacks the API sends to your endpoints (x-stark-callback in the spec's <c>webhooks:</c>), generated");
            writer.Line($"/// from the spec: what each one carries, how to verify and parse it, and for authorizations the documented deadline");
            writer.Line($"/// and safe answer.");
            writer.Line($"/// </summary>");
            writer.Line(FileHeader.GeneratedCodeAttribute);
            writer.Line($"public static class {registry}");
            writer.Open();
            for (var i = 0; i < callbacks.Count; i++)
            {
                if (i > 0)
                {
                    writer.Line();
                }

                EmitEntry(writer, info, callbacks[i].Client, callbacks[i].Callback);
            }

            writer.Line();
            writer.Line("/// <summary>Every callback, ordered by name.</summary>");
            writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{info}> All {{ get; }} = new {info}[]");
            writer.Open();
            foreach (var (_, callback) in callbacks)
            {
                writer.Line(callback.CallbackName + ",");
            }

            writer.Close(";");
            writer.Close();
            return (result.Namespace + "." + registry + ".g.cs", FileHeader.End(writer));
        }

        private static void EmitEntry(SourceWriter writer, string info, ClientModel client, CallbackModel callback)
        {
            var isValue = callback.ValueParameter is not null;
            var resultType = isValue ? "string" : TypeNames.Render(callback.BodyType ?? TypeRef.Any, false, true);
            var deadline = callback.DeadlineMilliseconds is { } ms
                ? $"global::System.TimeSpan.FromMilliseconds({ms.ToString(CultureInfo.InvariantCulture)})"
                : "null";
            var answer = callback.AnswerType is null ? "null" : $"typeof({callback.AnswerType})";
            var safe = callback.SafeDefaultJson is { } json ? TypeNames.Literal(json) : "null";
            var method = callback.HttpMethod;
            var key = callback.EnvelopeKey is null ? "null" : TypeNames.Literal(callback.EnvelopeKey);
            var summary = DocComments.Flatten(callback.Summary);
            writer.Line($"/// <summary>{(summary.Length == 0 ? DocComments.Escape(callback.CallbackName) : summary)}: verified and parsed by <c>client.{DocComments.Escape(client.Path)}.{DocComments.Escape(callback.MethodName)}Async</c>.</summary>");
            if (callback.DeadlineMilliseconds is { } documented)
            {
                writer.Line($"/// <remarks>The spec documents an answer within {documented.ToString(CultureInfo.InvariantCulture)} ms.</remarks>");
            }

            writer.Line($"public static {info} {callback.CallbackName} {{ get; }} = new {info}(");
            writer.Indent();
            writer.Line($"{TypeNames.Literal(callback.CallbackName)}, {TypeNames.Literal(callback.OperationId)}, {TypeNames.Literal(method)}, typeof({resultType}), {key}, {answer}, {deadline}, {safe},");
            writer.Line($"static async (client, content, signature, cancellationToken) => await client.{client.Path}.{callback.MethodName}Async(content, signature, null, cancellationToken).ConfigureAwait(false));");
            writer.Outdent();
        }

        private static void EmitInfo(SourceWriter writer, string info, string rootClient)
        {
            const string ParseDelegate = "global::System.Func<{0}, string, string?, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<object>>";
            var parse = string.Format(CultureInfo.InvariantCulture, ParseDelegate, rootClient);
            writer.Line("/// <summary>");
            writer.Line($"/// A signed callback of the API, as <see cref=\"{info}s\"/> lists it: what it carries, its answer, the documented");
            writer.Line("/// deadline and safe answer, and the generated method that verifies its <c>Digital-Signature</c> and parses it.");
            writer.Line("/// </summary>");
            writer.Line(FileHeader.GeneratedCodeAttribute);
            writer.Line($"public sealed class {info}");
            writer.Open();
            writer.Line($"private readonly {parse} _parse;");
            writer.Line();
            writer.Line($"internal {info}(string name, string operationId, string httpMethod, global::System.Type resultType, string? envelopeKey, global::System.Type? answerType, global::System.TimeSpan? documentedDeadline, string? safeDefaultAnswerJson, {parse} parse)");
            writer.Open();
            writer.Line("Name = name;");
            writer.Line("OperationId = operationId;");
            writer.Line("HttpMethod = httpMethod;");
            writer.Line("ResultType = resultType;");
            writer.Line("EnvelopeKey = envelopeKey;");
            writer.Line("AnswerType = answerType;");
            writer.Line("DocumentedDeadline = documentedDeadline;");
            writer.Line("SafeDefaultAnswerJson = safeDefaultAnswerJson;");
            writer.Line("_parse = parse;");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>The x-stark-callback name, e.g. <c>PixRequestAuthorization</c>.</summary>");
            writer.Line("public string Name { get; }");
            writer.Line();
            writer.Line("/// <summary>The callback's operationId in the spec.</summary>");
            writer.Line("public string OperationId { get; }");
            writer.Line();
            writer.Line("/// <summary>The HTTP method the API sends it with (<c>POST</c>, or <c>GET</c> for a signed query value).</summary>");
            writer.Line("public string HttpMethod { get; }");
            writer.Line();
            writer.Line("/// <summary>What <see cref=\"ParseAsync\"/> returns: the body's type (or its envelope property's), or <see cref=\"string\"/> for a signed query value.</summary>");
            writer.Line("public global::System.Type ResultType { get; }");
            writer.Line();
            writer.Line("/// <summary>The body property holding the payload (<c>event</c>), or null when the body is the payload.</summary>");
            writer.Line("public string? EnvelopeKey { get; }");
            writer.Line();
            writer.Line("/// <summary>The type of the JSON answer (the 200 response), or null when the callback expects no decision.</summary>");
            writer.Line("public global::System.Type? AnswerType { get; }");
            writer.Line();
            writer.Line("/// <summary>The time the spec gives to answer (\"within 1 second\"), or null when it states none.</summary>");
            writer.Line("public global::System.TimeSpan? DocumentedDeadline { get; }");
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// The documented safe answer (the spec's <c>denied</c> example, without its tags) as compact JSON: what the API");
            writer.Line("/// assumes anyway when no answer comes in time. Null when the callback has no documented denial.");
            writer.Line("/// </summary>");
            writer.Line("public string? SafeDefaultAnswerJson { get; }");
            writer.Line();
            writer.Line("/// <summary>Whether the callback asks for a decision with a documented safe answer (an authorization).</summary>");
            writer.Line("public bool IsAuthorization => AnswerType is not null && SafeDefaultAnswerJson is not null;");
            writer.Line();
            writer.Line("/// <summary>Verifies the <c>Digital-Signature</c> with the API's cached public key and parses the content, through the generated method.</summary>");
            writer.Line($"/// <param name=\"client\">The client whose cached public key verifies the signature.</param>");
            writer.Line("/// <param name=\"content\">The body exactly as received (or the signed query value).</param>");
            writer.Line("/// <param name=\"signature\">The <c>Digital-Signature</c> header.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Cancels the public key fetch.</param>");
            writer.Line("/// <returns>The verified value, of type <see cref=\"ResultType\"/>.</returns>");
            writer.Line("/// <exception cref=\"global::StarkSdk.Core.InvalidSignatureError\">The signature does not check out, or the body is not the expected JSON.</exception>");
            writer.Line($"public global::System.Threading.Tasks.Task<object> ParseAsync({rootClient} client, string content, string? signature, global::System.Threading.CancellationToken cancellationToken = default)");
            writer.Open();
            writer.Line("if (client is null)");
            writer.Open();
            writer.Line("throw new global::System.ArgumentNullException(nameof(client));");
            writer.Close();
            writer.Line();
            writer.Line("if (content is null)");
            writer.Open();
            writer.Line("throw new global::System.ArgumentNullException(nameof(content));");
            writer.Close();
            writer.Line();
            writer.Line("return _parse(client, content, signature, cancellationToken);");
            writer.Close();
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("public override string ToString() => Name;");
            writer.Close();
        }
    }
}
