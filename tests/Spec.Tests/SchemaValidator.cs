using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Schema;
using NUnit.Framework;

namespace Spec.Tests;

/// <summary>
/// Validates JSON values against JSON Schema documents with Newtonsoft.Json.Schema 4.0.2, which supports draft 2020-12
/// (<see cref="SchemaVersion.Draft2020_12"/>, chosen by the documents' <c>$schema</c>): <c>type</c> arrays, <c>const</c>,
/// <c>enum</c>, <c>anyOf</c>, <c>oneOf</c>, <c>allOf</c>, <c>$ref</c> with sibling keywords, <c>$defs</c>, recursion
/// (ValidatorSelfTests checks each).
///
/// FORMAT: in draft 2020-12 <c>format</c> is only an annotation by default, and Newtonsoft.Json.Schema then skips it
/// (a "date" would accept "tomorrow"). The spec means its formats (date, date-time, email, uri, ...), so validation runs
/// through a <see cref="JSchemaValidatingReader"/> with <see cref="FormatHandling.Assertion"/>. Formats the library does
/// not know (int32, int64, binary, ...) are ignored.
///
/// LICENCE QUOTA: Newtonsoft.Json.Schema without a commercial licence allows 1000 validations per hour per process; past
/// that it throws (measured: each validating reader counts one). Loading schemas (<c>JSchema.Load</c>) is not counted.
/// So every test case validates exactly once, in its own test: no validate-everything fixture set-up, no retries, no
/// second validation to build a nicer message, no cache of results shared between tests. This class counts the
/// validations of the process and fails clearly at <see cref="Budget"/>, well below the quota, instead of letting the
/// library throw in the middle of a run. Both specs (starkbank.yaml and starkinfra.yaml) are validated in this one
/// process, so the budget is shared: ExampleTests.ExamplesOfAllSpecsStayWithinTheValidatorQuota counts the examples of
/// every spec plus the self-tests and fails first if they ever reach the budget (then split the examples across test
/// processes, e.g. one test project per spec, or buy a licence).
/// </summary>
internal static class SchemaValidator
{
    public const int Budget = 900;
    private static int _validations;

    /// <summary>Validates <paramref name="instance"/>; returns the errors (empty when valid), one readable line each.</summary>
    public static IReadOnlyList<string> Validate(JToken instance, JObject schemaDocument)
    {
        var schema = JSchema.Load(schemaDocument.CreateReader());
        if (Interlocked.Increment(ref _validations) > Budget)
            Assert.Fail($"more than {Budget} JSON Schema validations in one process: Newtonsoft.Json.Schema's free quota is 1000 per hour. See SchemaValidator.");

        var errors = new List<ValidationError>();
        using (var reader = new JSchemaValidatingReader(instance.CreateReader()) { Schema = schema, FormatHandling = FormatHandling.Assertion })
        {
            reader.ValidationEventHandler += (_, e) => errors.Add(e.ValidationError);
            while (reader.Read())
            {
            }
        }
        var lines = new List<string>();
        foreach (var e in errors)
            Describe(e, 0, lines);
        return lines;
    }

    private static void Describe(ValidationError error, int depth, List<string> lines)
    {
        if (lines.Count >= 60)
            return;
        lines.Add(new StringBuilder().Append(' ', depth * 2).Append("- ")
            .Append(string.IsNullOrEmpty(error.Path) ? "(root)" : error.Path).Append(": ").Append(error.Message).ToString());
        IEnumerable<ValidationError> children = error.ChildErrors;
        if (error.ErrorType is ErrorType.OneOf or ErrorType.AnyOf)
        {
            // One child per failing branch. Branches that fail on a const (a discriminator such as
            // `subscription: {const: invoice}`) are not the branch the example meant: show the others when there are any.
            var meant = error.ChildErrors.Where(c => !HasConstError(c)).ToList();
            if (meant.Count > 0 && meant.Count < error.ChildErrors.Count)
            {
                lines.Add(new StringBuilder().Append(' ', depth * 2 + 2)
                    .Append($"({error.ChildErrors.Count - meant.Count} branches whose const does not match are not shown)").ToString());
                children = meant;
            }
        }
        foreach (var child in children.Take(12))
            Describe(child, depth + 1, lines);
    }

    private static bool HasConstError(ValidationError error) =>
        error.ErrorType == ErrorType.Const || error.ChildErrors.Any(HasConstError);
}
