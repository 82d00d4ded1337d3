using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>An operation as read from the spec, before it is placed in its client and its options class is named.</summary>
    internal sealed class OperationDraft
    {
        public OperationDraft(string operationId, string[] clientPath, string methodName, string httpMethod, YamlNode node)
        {
            OperationId = operationId;
            ClientPath = clientPath;
            MethodName = methodName;
            HttpMethod = httpMethod;
            Node = node;
        }

        public string OperationId { get; }

        public string[] ClientPath { get; }

        public string MethodName { get; }

        public string HttpMethod { get; }

        /// <summary>The operation node, for diagnostics.</summary>
        public YamlNode Node { get; }

        public string? Tag { get; set; }

        public List<PathSegment> Path { get; } = new List<PathSegment>();

        public List<ParameterModel> PathParameters { get; } = new List<ParameterModel>();

        public List<QueryParameterModel> QueryParameters { get; } = new List<QueryParameterModel>();

        public string? CursorParameter { get; set; }

        public BodyModel? Body { get; set; }

        public ResultModel Result { get; set; } = new ResultModel(ResultKind.None, null, null, null);

        public string? Summary { get; set; }

        public string? Description { get; set; }

        public bool IsDeprecated { get; set; }

        /// <summary>The generated type the operation returns (the item type of lists), used to name its options class.</summary>
        public string? EntityTypeName
        {
            get
            {
                var type = Result.Type;
                if (type is not null && type.Kind == TypeKind.List)
                {
                    type = type.Element;
                }

                return type is not null && (type.Kind == TypeKind.Object || type.Kind == TypeKind.Enum) ? type.Name : null;
            }
        }

        /// <summary>The C# method names the operation produces (paged and binary operations produce two).</summary>
        public IEnumerable<string> EmittedMethodNames
        {
            get
            {
                yield return MethodName + "Async";
                if (Result.Kind == ResultKind.Paged)
                {
                    yield return PageMethodName + "Async";
                }
                else if (Result.Kind == ResultKind.Binary)
                {
                    yield return MethodName + "StreamAsync";
                }
            }
        }

        /// <summary><c>Query</c> → <c>Page</c>, <c>QueryAttempts</c> → <c>PageAttempts</c>, anything else → <c>XPage</c>.</summary>
        public string PageMethodName => MethodNames.PageNameOf(MethodName);
    }
}
