using System.Collections.Generic;
using System.Text;
using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>
    /// Emits a resource client: lazily created sub-clients and one method (or pair) per operation. Each method builds
    /// an <c>ApiRequest</c> and hands it to the runtime's <c>StarkPipeline</c>: HTTP, JSON, paging and errors live there.
    /// </summary>
    internal static class ClientEmitter
    {
        private const string OperationAttribute = "global::StarkSdk.Generated.StarkOperation";

        public static string Emit(ClientModel model)
        {
            var writer = FileHeader.Begin(model.Namespace, usesDate: false);
            DocComments.Summary(writer, model.Description, $"The `{model.Path}` operations.", $"Reached as <c>client.{model.Path}</c> from <see cref=\"{model.RootClientName}\"/>.");
            writer.Line(FileHeader.GeneratedCodeAttribute);
            writer.Line($"public partial class {model.Name}");
            writer.Open();
            writer.Line($"private readonly {TypeNames.Pipeline} _pipeline;");
            foreach (var child in model.SubClients)
            {
                writer.Line($"private {child.TypeName}? _{Field(child.PropertyName)};");
            }

            writer.Line();
            writer.Line($"/// <summary>Creates the client over <paramref name=\"pipeline\"/>; normally reached through <see cref=\"{model.RootClientName}\"/>.</summary>");
            writer.Line("/// <param name=\"pipeline\">The HTTP pipeline of the root client.</param>");
            writer.Line($"internal {model.Name}({TypeNames.Pipeline} pipeline)");
            writer.Open();
            writer.Line("_pipeline = pipeline ?? throw new global::System.ArgumentNullException(nameof(pipeline));");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>For mocking frameworks: a client whose methods are all overridden.</summary>");
            writer.Line($"protected {model.Name}()");
            writer.Open();
            writer.Line("_pipeline = null!;");
            writer.Close();
            EmitSubClientProperties(writer, model.SubClients, "_pipeline");
            foreach (var operation in model.Operations)
            {
                EmitOperation(writer, operation);
            }

            foreach (var callback in model.Callbacks)
            {
                EmitCallback(writer, callback);
            }

            writer.Close();
            return FileHeader.End(writer);
        }

        /// <summary>One lazily created property per child client (a benign race may create two; both work).</summary>
        public static void EmitSubClientProperties(SourceWriter writer, EquatableArray<SubClientModel> clients, string pipeline)
        {
            foreach (var child in clients)
            {
                writer.Line();
                DocComments.Summary(writer, child.Description, $"The `{child.Path}` operations.");
                writer.Line($"public virtual {child.TypeName} {child.PropertyName} => _{Field(child.PropertyName)} ??= new {child.TypeName}({pipeline});");
            }
        }

        public static string Field(string propertyName) => char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);

        private static void EmitOperation(SourceWriter writer, OperationModel operation)
        {
            switch (operation.Result.Kind)
            {
                case ResultKind.Paged:
                    EmitQuery(writer, operation);
                    EmitPage(writer, operation);
                    break;
                case ResultKind.Binary:
                    EmitBinary(writer, operation, stream: false);
                    EmitBinary(writer, operation, stream: true);
                    break;
                default:
                    EmitSend(writer, operation);
                    if (operation.Body is not null && operation.Body.IsList && operation.Body.SingleParameterName is not null)
                    {
                        EmitSingle(writer, operation);
                    }

                    break;
            }
        }

        private static void EmitSend(SourceWriter writer, OperationModel operation)
        {
            var resultType = ResultType(operation);
            var returnType = resultType is null ? TypeNames.Task : $"{TypeNames.Task}<{resultType}>";
            Header(writer, operation, operation.MethodName + "Async", returnType, Returns(operation), includeCursor: false);
            writer.Open();
            ValidateArguments(writer, operation);
            CreateRequest(writer, operation, bodyExpression: BodyExpression(operation));
            AddQuery(writer, operation, includeLimit: "true");
            var key = operation.Result.ResponseKey is null ? "null" : TypeNames.Literal(operation.Result.ResponseKey);
            writer.Line(operation.Result.Kind == ResultKind.SingleItem
                ? $"return _pipeline.SendSingleAsync<{resultType}>(request, {key}, options, cancellationToken);"
                : $"return _pipeline.SendAsync<{resultType ?? "object?"}>(request, {key}, options, cancellationToken);");
            writer.Close();
        }

        /// <summary>The single-item overload of an operation that takes a list: sends one and returns the first result.</summary>
        private static void EmitSingle(SourceWriter writer, OperationModel operation)
        {
            var body = operation.Body!;
            var result = operation.Result.Type;
            var returnsList = result is not null && result.Kind == TypeKind.List && result.Element is not null;
            var singleResult = result is null ? null : returnsList ? TypeNames.Render(result.Element!, false, true) : TypeNames.Render(result, result.SpecNullable, true);
            var returnType = singleResult is null ? TypeNames.Task : $"{TypeNames.Task}<{singleResult}>";
            var itemType = TypeNames.Render(body.ItemType, false, false);
            writer.Line();
            DocComments.Summary(writer, operation.Summary, Sentence(operation.OperationId), "Sends a single item; see the overload that takes a sequence.");
            Remarks(writer, operation.Description);
            foreach (var parameter in operation.PathParameters)
            {
                DocComments.Element(writer, "param", DocComments.Param(parameter.Name), parameter.Description, $"The `{parameter.WireName}` path parameter.");
            }

            DocComments.Element(writer, "param", DocComments.Param(body.SingleParameterName!), null, "The item to send.");
            if (operation.OptionsType is not null)
            {
                DocComments.Element(writer, "param", DocComments.Param("query"), null, "The query parameters.");
            }

            CommonParameterDocs(writer);
            if (singleResult is not null)
            {
                DocComments.Element(writer, "returns", string.Empty, returnsList ? "The item the API returned (an empty answer raises the SDK's UnknownError)." : operation.Result.Description, "The result.");
            }

            Attributes(writer, operation);
            var parameters = new List<string>();
            var arguments = new List<string>();
            foreach (var parameter in operation.PathParameters)
            {
                parameters.Add("string " + parameter.Name);
                arguments.Add(parameter.Name);
            }

            parameters.Add(itemType + " " + body.SingleParameterName);
            arguments.Add($"new {itemType}[] {{ {body.SingleParameterName} }}");
            AddOptionsParameter(operation, parameters, arguments);
            parameters.Add($"{TypeNames.RequestOptions}? options = null");
            parameters.Add($"{TypeNames.CancellationToken} cancellationToken = default");
            arguments.Add("options");
            arguments.Add("cancellationToken");
            // A list answer is read by the pipeline's single-item path, so an empty list is the SDK's UnknownError (with the
            // call's method, path and body), not an exception outside the StarkException family.
            var direct = returnsList && operation.Result.ResponseKey is not null;
            writer.Line($"public virtual {(singleResult is null || (returnsList && !direct) ? "async " : string.Empty)}{returnType} {operation.MethodName}Async({string.Join(", ", parameters)})");
            writer.Open();
            writer.Line($"if ({body.SingleParameterName} is null)");
            writer.Open();
            writer.Line($"throw new global::System.ArgumentNullException(nameof({body.SingleParameterName}));");
            writer.Close();
            writer.Line();
            var call = $"{operation.MethodName}Async({string.Join(", ", arguments)})";
            if (singleResult is null)
            {
                writer.Line($"await {call}.ConfigureAwait(false);");
            }
            else if (direct)
            {
                var items = $"new {itemType}[] {{ {body.SingleParameterName} }}";
                foreach (var parameter in operation.PathParameters)
                {
                    writer.Line($"if ({parameter.Name} is null)");
                    writer.Open();
                    writer.Line($"throw new global::System.ArgumentNullException(nameof({parameter.Name}));");
                    writer.Close();
                    writer.Line();
                }

                if (operation.OptionsType is not null && operation.OptionsHasRequired)
                {
                    writer.Line("if (query is null)");
                    writer.Open();
                    writer.Line("throw new global::System.ArgumentNullException(nameof(query));");
                    writer.Close();
                    writer.Line();
                }

                CreateRequest(writer, operation, body.EnvelopeKey is null ? items : $"new global::StarkSdk.Core.JsonEnvelope({TypeNames.Literal(body.EnvelopeKey)}, {items})");
                AddQuery(writer, operation, includeLimit: "true");
                writer.Line($"return _pipeline.SendSingleAsync<{singleResult}>(request, {TypeNames.Literal(operation.Result.ResponseKey!)}, options, cancellationToken);");
            }
            else if (returnsList)
            {
                writer.Line($"var items = await {call}.ConfigureAwait(false);");
                writer.Line("return items.Count > 0 ? items[0] : throw new global::StarkSdk.Core.UnknownError(\"The API returned no item.\", 0, null, null, null);");
            }
            else
            {
                writer.Line($"return {call};");
            }

            writer.Close();
        }

        private static void EmitQuery(SourceWriter writer, OperationModel operation)
        {
            var itemType = TypeNames.Render(operation.Result.Type!, false, true);
            var returnType = $"global::System.Collections.Generic.IAsyncEnumerable<{itemType}>";
            Header(writer, operation, operation.MethodName + "Async", returnType, "The items, fetched page by page as they are enumerated.", includeCursor: false, pagedNote: "Pages through every result (following the cursor) as the sequence is enumerated; the options' limit caps the total.");
            writer.Open();
            ValidateArguments(writer, operation);
            CreateRequest(writer, operation, BodyExpression(operation));
            AddQuery(writer, operation, includeLimit: "false");
            var limit = "null";
            if (operation.LimitType is not null)
            {
                limit = (operation.LimitType.Kind == TypeKind.Int32 ? string.Empty : "(int?)") + (operation.OptionsHasRequired ? "query.Limit" : "query?.Limit");
            }

            writer.Line($"return _pipeline.QueryAsync<{itemType}>(request, {TypeNames.Literal(operation.Result.ResponseKey!)}, {limit}, options, cancellationToken);");
            writer.Close();
        }

        private static void EmitPage(SourceWriter writer, OperationModel operation)
        {
            var itemType = TypeNames.Render(operation.Result.Type!, false, true);
            var returnType = $"{TypeNames.Task}<global::StarkSdk.Core.Page<{itemType}>>";
            var pageName = MethodNames.PageNameOf(operation.MethodName);
            Header(writer, operation, pageName + "Async", returnType, "One page of items and the cursor of the next page (null on the last page).", includeCursor: true, pagedNote: "Fetches one page; pass its cursor back to get the next one.");
            writer.Open();
            ValidateArguments(writer, operation);
            CreateRequest(writer, operation, BodyExpression(operation));
            AddQuery(writer, operation, includeLimit: "true");
            writer.Line($"request.Query.Add({TypeNames.Literal(operation.CursorParameter ?? "cursor")}, cursor);");
            writer.Line($"return _pipeline.PageAsync<{itemType}>(request, {TypeNames.Literal(operation.Result.ResponseKey!)}, options, cancellationToken);");
            writer.Close();
        }

        private static void EmitBinary(SourceWriter writer, OperationModel operation, bool stream)
        {
            var name = operation.MethodName + (stream ? "StreamAsync" : "Async");
            var returnType = stream ? $"{TypeNames.Task}<global::System.IO.Stream>" : $"{TypeNames.Task}<byte[]>";
            var returns = stream ? "The body as a stream (dispose it)." : "The body's bytes.";
            Header(writer, operation, name, returnType, operation.Result.Description is null ? returns : DocComments.Flatten(operation.Result.Description) + " " + returns, includeCursor: false);
            writer.Open();
            ValidateArguments(writer, operation);
            CreateRequest(writer, operation, BodyExpression(operation));
            AddQuery(writer, operation, includeLimit: "true");
            writer.Line($"return _pipeline.{(stream ? "GetStreamAsync" : "GetBytesAsync")}(request, options, cancellationToken);");
            writer.Close();
        }

        /// <summary>
        /// A signed callback (x-stark-callback): verifies the Digital-Signature with the API's public key (fetched through the
        /// pipeline and cached by the runtime) and returns the typed body, or for a callback without body the signed value.
        /// </summary>
        private static void EmitCallback(SourceWriter writer, CallbackModel callback)
        {
            var isValue = callback.ValueParameter is not null;
            var resultType = isValue ? "string" : TypeNames.Render(callback.BodyType ?? TypeRef.Any, false, true);
            var first = isValue ? callback.ValueParameter! : "content";
            writer.Line();
            DocComments.Summary(
                writer,
                callback.Summary,
                isValue ? $"Verifies the {callback.CallbackName} callback." : $"Verifies and parses the {callback.CallbackName} callback.",
                DocComments.Format(isValue
                    ? $"Verifies the `Digital-Signature` of the `{callback.ValueWireName}` with the API's public key and returns it; the public key is fetched once and cached."
                    : "Verifies the `Digital-Signature` of the body with the API's public key (fetched once and cached), then parses it."));
            var description = callback.Description?.Trim() ?? string.Empty;
            if (description.Length > 0 || callback.AnswerType is not null)
            {
                writer.Line("/// <remarks>");
                foreach (var line in description.Replace("\r\n", "\n").Split('\n'))
                {
                    var trimmed = line.Trim();
                    if (description.Length > 0)
                    {
                        writer.Line(trimmed.Length == 0 ? "/// <para/>" : "/// " + DocComments.Format(trimmed));
                    }
                }

                if (callback.AnswerType is not null)
                {
                    writer.Line($"/// <para>The answer is a <see cref=\"{callback.AnswerType}\"/>.</para>");
                }

                writer.Line("/// </remarks>");
            }
            DocComments.Element(
                writer,
                "param",
                DocComments.Param(first),
                null,
                isValue ? $"The `{callback.ValueWireName}` query parameter exactly as received." : "The request body exactly as received, before any JSON parsing.");
            writer.Line("/// <param name=\"signature\">The value of the <c>Digital-Signature</c> header; null or empty (a missing header) is rejected.</param>");
            writer.Line("/// <param name=\"options\">Per-call options for fetching the API's public key (user, timeout); null uses the client's.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Cancels the public key fetch.</param>");
            writer.Line(isValue
                ? $"/// <returns>The verified <c>{DocComments.Escape(callback.ValueWireName ?? first)}</c>.</returns>"
                : callback.EnvelopeKey is null ? "/// <returns>The verified body.</returns>" : $"/// <returns>The verified <c>{DocComments.Escape(callback.EnvelopeKey)}</c> of the body.</returns>");
            writer.Line(isValue
                ? "/// <exception cref=\"global::StarkSdk.Core.InvalidSignatureError\">The signature is missing, malformed or does not match the value.</exception>"
                : "/// <exception cref=\"global::StarkSdk.Core.InvalidSignatureError\">The signature is missing, malformed or does not match the body, or the body is not the expected JSON.</exception>");
            writer.Line($"[{OperationAttribute}({TypeNames.Literal(callback.OperationId)})]");
            if (callback.IsDeprecated)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated by the API.\")]");
            }

            var parameters = $"string {first}, string? signature, {TypeNames.RequestOptions}? options = null, {TypeNames.CancellationToken} cancellationToken = default";
            writer.Line($"public virtual {(isValue ? "async " : string.Empty)}{TypeNames.Task}<{resultType}> {callback.MethodName}Async({parameters})");
            writer.Open();
            writer.Line($"if ({first} is null)");
            writer.Open();
            writer.Line($"throw new global::System.ArgumentNullException(nameof({first}));");
            writer.Close();
            writer.Line();
            writer.Line("var verifier = _pipeline.Verifier;");
            if (isValue)
            {
                writer.Line($"await verifier.VerifyAsync({first}, signature, options, cancellationToken).ConfigureAwait(false);");
                writer.Line($"return {first};");
            }
            else
            {
                var key = callback.EnvelopeKey is null ? "null" : TypeNames.Literal(callback.EnvelopeKey);
                writer.Line($"return verifier.ParseAsync<{resultType}>({first}, signature, {key}, options, cancellationToken);");
            }

            writer.Close();
        }

        private static void Header(SourceWriter writer, OperationModel operation, string methodName, string returnType, string? returns, bool includeCursor, string? pagedNote = null)
        {
            writer.Line();
            DocComments.Summary(writer, operation.Summary, Sentence(operation.OperationId), pagedNote is null ? null : DocComments.Format(pagedNote));
            Remarks(writer, operation.Description);
            foreach (var parameter in operation.PathParameters)
            {
                DocComments.Element(writer, "param", DocComments.Param(parameter.Name), parameter.Description, $"The `{parameter.WireName}` path parameter.");
            }

            if (operation.Body is not null)
            {
                DocComments.Element(writer, "param", DocComments.Param(operation.Body.ParameterName), operation.Body.Description, "The request body.");
            }

            if (operation.OptionsType is not null)
            {
                DocComments.Element(writer, "param", DocComments.Param("query"), null, operation.OptionsHasRequired ? "The query parameters." : "The query parameters (null: none).");
            }

            if (includeCursor)
            {
                DocComments.Element(writer, "param", DocComments.Param("cursor"), null, "The cursor of the page to get (from the previous page); null for the first page.");
            }

            CommonParameterDocs(writer);
            if (returns is not null)
            {
                writer.Line($"/// <returns>{returns}</returns>");
            }

            Attributes(writer, operation);
            var parameters = new List<string>();
            foreach (var parameter in operation.PathParameters)
            {
                parameters.Add("string " + parameter.Name);
            }

            if (operation.Body is not null)
            {
                var body = operation.Body;
                var type = body.IsList
                    ? $"global::System.Collections.Generic.IEnumerable<{TypeNames.Render(body.ItemType, false, false)}>"
                    : TypeNames.Render(body.ItemType, false, false);
                parameters.Add(type + " " + body.ParameterName);
            }

            AddOptionsParameter(operation, parameters, null);
            if (includeCursor)
            {
                parameters.Add("string? cursor = null");
            }

            parameters.Add($"{TypeNames.RequestOptions}? options = null");
            parameters.Add($"{TypeNames.CancellationToken} cancellationToken = default");
            writer.Line($"public virtual {returnType} {methodName}({string.Join(", ", parameters)})");
        }

        private static void AddOptionsParameter(OperationModel operation, List<string> parameters, List<string>? arguments)
        {
            if (operation.OptionsType is null)
            {
                return;
            }

            parameters.Add(operation.OptionsHasRequired ? $"{operation.OptionsType} query" : $"{operation.OptionsType}? query = null");
            arguments?.Add("query");
        }

        private static void CommonParameterDocs(SourceWriter writer)
        {
            writer.Line("/// <param name=\"options\">Per-call options (user, language, timeout); null uses the client's.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        }

        private static void Remarks(SourceWriter writer, string? description)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                return;
            }

            writer.Line("/// <remarks>");
            foreach (var line in description!.Replace("\r\n", "\n").Trim().Split('\n'))
            {
                var trimmed = line.Trim();
                writer.Line(trimmed.Length == 0 ? "/// <para/>" : "/// " + DocComments.Format(trimmed));
            }

            writer.Line("/// </remarks>");
        }

        private static void Attributes(SourceWriter writer, OperationModel operation)
        {
            writer.Line($"[{OperationAttribute}({TypeNames.Literal(operation.OperationId)})]");
            if (operation.IsDeprecated)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated by the API.\")]");
            }
        }

        private static void ValidateArguments(SourceWriter writer, OperationModel operation)
        {
            var names = new List<string>();
            foreach (var parameter in operation.PathParameters)
            {
                names.Add(parameter.Name);
            }

            if (operation.Body is not null)
            {
                names.Add(operation.Body.ParameterName);
            }

            if (operation.OptionsType is not null && operation.OptionsHasRequired)
            {
                names.Add("query");
            }

            foreach (var name in names)
            {
                writer.Line($"if ({name} is null)");
                writer.Open();
                writer.Line($"throw new global::System.ArgumentNullException(nameof({name}));");
                writer.Close();
                writer.Line();
            }
        }

        private static void CreateRequest(SourceWriter writer, OperationModel operation, string? bodyExpression)
        {
            var path = new StringBuilder();
            var interpolated = false;
            foreach (var segment in operation.Path)
            {
                if (segment.IsParameter)
                {
                    interpolated = true;
                    path.Append("{(global::StarkSdk.Core.ApiRequest.Escape(").Append(segment.Text).Append("))}");
                }
                else
                {
                    path.Append(segment.Text.Replace("{", "{{").Replace("}", "}}"));
                }
            }

            var literal = interpolated ? "$" + TypeNames.Literal(path.ToString()) : TypeNames.Literal(path.ToString().Replace("{{", "{").Replace("}}", "}"));
            var creation = $"var request = new global::StarkSdk.Core.ApiRequest({TypeNames.HttpMethod(operation.HttpMethod)}, {literal})";
            writer.Line(bodyExpression is null ? creation + ";" : creation + " { Body = " + bodyExpression + " };");
        }

        private static string? BodyExpression(OperationModel operation)
        {
            var body = operation.Body;
            if (body is null)
            {
                return null;
            }

            return body.EnvelopeKey is null
                ? body.ParameterName
                : $"new global::StarkSdk.Core.JsonEnvelope({TypeNames.Literal(body.EnvelopeKey)}, {body.ParameterName})";
        }

        private static void AddQuery(SourceWriter writer, OperationModel operation, string includeLimit)
        {
            if (operation.OptionsType is null)
            {
                return;
            }

            writer.Line(operation.OptionsHasRequired
                ? $"query.AddTo(request.Query, includeLimit: {includeLimit});"
                : $"query?.AddTo(request.Query, includeLimit: {includeLimit});");
        }

        private static string? ResultType(OperationModel operation)
        {
            var type = operation.Result.Type;
            if (operation.Result.Kind == ResultKind.SingleItem && type is not null)
            {
                return TypeNames.Render(type, false, true);
            }

            return operation.Result.Kind == ResultKind.Json && type is not null ? TypeNames.Render(type, type.SpecNullable, true) : null;
        }

        private static string? Returns(OperationModel operation)
        {
            if (operation.Result.Kind == ResultKind.None)
            {
                return null;
            }

            var text = DocComments.Flatten(operation.Result.Description) is { Length: > 0 } flattened ? flattened : "The result.";
            return operation.Result.Kind == ResultKind.SingleItem
                ? text + " The method returns the list's only item; an empty list raises <see cref=\"global::StarkSdk.Core.UnknownError\"/>."
                : text;
        }

        /// <summary>A readable sentence from an operationId: <c>getInvoicePdf</c> → "Get invoice pdf.".</summary>
        public static string Sentence(string operationId)
        {
            var builder = new StringBuilder();
            foreach (var c in operationId)
            {
                if (char.IsUpper(c) && builder.Length > 0)
                {
                    builder.Append(' ').Append(char.ToLowerInvariant(c));
                }
                else
                {
                    builder.Append(builder.Length == 0 ? char.ToUpperInvariant(c) : c);
                }
            }

            return builder.Append('.').ToString();
        }
    }
}
