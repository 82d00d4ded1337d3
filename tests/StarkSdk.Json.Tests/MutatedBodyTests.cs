using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Bank;
using StarkSdk.Core;
using StarkSdk.Infra;

namespace StarkSdk.Json.Tests;

/// <summary>
/// The SDK's strict reader must never accept a body differently from JsonTextReader: documented response bodies,
/// mutated byte by byte (seeded), read through the SDK's response path and through JsonTextReader alone, give the same
/// value or the same error, for a generated model and for a JSON tree.
/// </summary>
public class MutatedBodyTests
{
    private const int MutationsPerBody = 1000;

    private static IEnumerable<TestCaseData> Bodies()
    {
        var examples = SpecExamples.Of("starkbank.yaml", typeof(Invoice).Assembly, "StarkSdk.Bank")
            .Concat(SpecExamples.Of("starkinfra.yaml", typeof(PixRequest).Assembly, "StarkSdk.Infra"))
            .GroupBy(e => e.Type).Select(g => g.First()).Take(40);
        return examples.Select(e => new TestCaseData(e.Type, "{\"cursor\": \"c1\", \"items\": [" + e.Json.ToString(Formatting.Indented) + "]}").SetArgDisplayNames(e.Label));
    }

    [TestCaseSource(nameof(Bodies))]
    public void Mutated_bodies_read_as_JsonTextReader_reads_them(Type model, string json)
    {
        var random = new Random(json.Length * 7919);
        var original = Encoding.UTF8.GetBytes(json);
        var listType = typeof(List<>).MakeGenericType(model);
        var strictCount = 0;
        for (var i = 0; i < MutationsPerBody; i++)
        {
            var body = Mutate(original, random);
            var label = Encoding.UTF8.GetString(body);
            foreach (var type in new[] { listType, typeof(JToken) })
            {
                var (expected, _) = Outcome(type, body, textReaderOnly: true);
                var (actual, strict) = Outcome(type, body, textReaderOnly: false);
                Assert.That(actual, Is.EqualTo(expected), $"{type.Name} from: {label}");
                strictCount += strict ? 1 : 0;
            }
        }

        // Many mutations stay strict JSON (a changed letter or digit), so the strict reader is exercised, not only the fallback.
        Assert.That(strictCount, Is.GreaterThan(MutationsPerBody / 4));
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var edits = random.Next(1, 4);
        const string alphabet = "{}[]\",:.-+eE0123456789 \\/ntfu\u00e9x";
        var characters = Encoding.UTF8.GetBytes(alphabet);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.Insert(at, characters[random.Next(characters.Length)]);
                    break;
                case 2:
                    bytes[at] = characters[random.Next(characters.Length)];
                    break;
                default:
                    // A digit or letter changed for another of its kind: the body usually stays valid.
                    var b = bytes[at];
                    bytes[at] = b >= (byte)'0' && b <= (byte)'9' ? (byte)('0' + random.Next(10)) : b >= (byte)'a' && b <= (byte)'z' ? (byte)('a' + random.Next(26)) : b;
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static (string Outcome, bool Strict) Outcome(Type type, byte[] body, bool textReaderOnly)
    {
        var method = typeof(MutatedBodyTests).GetMethod(nameof(Read), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(type);
        try
        {
            return ((string, bool))method.Invoke(null, new object[] { body, textReaderOnly })!;
        }
        catch (System.Reflection.TargetInvocationException ex)
        {
            return (ex.InnerException!.GetType().Name + ": " + ex.InnerException.Message, false);
        }
    }

    private static (string, bool) Read<T>(byte[] body, bool textReaderOnly)
    {
        var result = textReaderOnly ? JsonBody.ReadWithTextReader<T>(body, 0, body.Length, "items") : JsonBody.Read<T>(body, 0, body.Length, "items");
        var written = result.Value is null ? "null" : result.Value is JToken token ? token.ToString(Formatting.None) : Both.Write(StarkJson.Serializer, result.Value);
        return ($"{result.Found} {result.Cursor} {written}", result.Strict);
    }
}
