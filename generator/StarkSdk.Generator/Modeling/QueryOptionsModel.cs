namespace StarkSdk.Generator.Modeling
{
    /// <summary>The typed query parameters of one operation.</summary>
    internal sealed record QueryOptionsModel(
        string Namespace,
        string Name,
        string OperationId,
        string ClientPath,
        string MethodName,
        EquatableArray<QueryParameterModel> Parameters,
        bool IsPaged) : GeneratedUnit(Namespace, Name)
    {
        public bool UsesDate
        {
            get
            {
                foreach (var parameter in Parameters)
                {
                    if (parameter.Type.UsesDate)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <param name="IsLimit">The <c>limit</c> parameter: for paged operations it caps the total of QueryAsync.</param>
    internal sealed record QueryParameterModel(
        string PropertyName,
        string WireName,
        TypeRef Type,
        string? Description,
        bool IsLimit,
        bool IsRequired);
}
