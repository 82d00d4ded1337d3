using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Core.Tests.Json;

/// <summary>
/// The strict reader of response and webhook bytes gives exactly JsonTextReader's tokens, values and paths for the JSON
/// the API writes, and leaves everything else to JsonTextReader (so that odd input gets Newtonsoft's own result or error).
/// </summary>
public class Utf8BodyReaderTests
{
    private static readonly string[] StrictDocuments =
    {
        "{}",
        "[]",
        "  {\"a\" : 1 ,\n\"b\":[ ] , \"c\" :{ }}\r\n",
        "{\"cursor\": null, \"invoices\": [{\"id\": \"5\", \"amount\": 400000, \"fine\": 2.5, \"interest\": 1.30, \"tags\": [\"War supply\", \"Invoice #1\"], \"paid\": true, \"late\": false}]}",
        "[0, -0, 1, -1, 9223372036854775, -123456789012345678, 0.5, -0.05, 2.50, 123456789.123456789, 0.000000001, 100.0]",
        "{\"s\": \"plain\", \"e\": \"\", \"esc\": \"quote \\\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t end\", \"u\": \"\\u00e9\\u4e2d\\u0041\\u0000\"}",
        "{\"jo\u00e3o\": \"S\u00e3o Paulo \u00e1\u00e9\u00ed\u00f3\u00fa \u00e7\", \"emoji\": \"\U0001F600 \U0001F4B8\", \"cjk\": \"\u6f22\u5b57\"}",
        "{\"created\": \"2020-10-26T01:50:50.264656+00:00\", \"due\": \"2020-05-12\", \"odd\": \"2020-10-26 01:50:50\"}",
        "[[[[{\"deep\": [1, [2, [3]]]}]]]]",
        "\"just a string\"",
        "42",
        "null",
    };

    private static readonly string[] LeftToJsonTextReader =
    {
        "{\"a\": 1,}",
        "[1, 2,]",
        "{'a': 1}",
        "{a: 1}",
        "{\"a\": 1} // comment",
        "/* c */ {\"a\": 1}",
        "{\"a\": NaN}",
        "{\"a\": 1e5}",
        "{\"a\": -0.0}",
        "{\"a\": -0.000}",
        "{\"a\": 1.5E-3}",
        "{\"a\": 012}",
        "{\"a\": 0x1F}",
        "{\"a\": 12345678901234567890}",
        "{\"a\": 1234567890.1234567890123}",
        "{\"a\": \"\\ud83d\\ude00\"}",
        "{\"a\": \"\\ud83d\"}",
        "{\"a\": \"tab\there\"}",
        "{\"a\": \"\\x41\"}",
        "{\"a\": 1} trailing",
        "{\"a\": 1}{\"b\": 2}",
        "{\"a\": tru}",
        "{\"a\": nulls}",
        "{\"a\": 1.}",
        "{\"a\": -}",
        "{\"a\" 1}",
        "{\"a\": [1 2]}",
        "{\"a\": 1",
        "{\"a\": \"unterminated",
        "[1, 2]]",
        "{\"a\": undefined}",
        "{\"a\": new Date(1)}",
    };

    [TestCaseSource(nameof(StrictDocuments))]
    public void Reads_the_same_tokens_values_and_paths_as_JsonTextReader(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = Tokens(Configure(new JsonTextReader(new StringReader(json))));
        var actual = Tokens(Configure(new Utf8BodyReader(bytes, 0, bytes.Length, new LearningNameTable())));
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(LeftToJsonTextReader))]
    public void Leaves_what_is_not_strict_API_JSON_to_JsonTextReader(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.Throws<UnsupportedJsonException>(() => Tokens(Configure(new Utf8BodyReader(bytes, 0, bytes.Length, new LearningNameTable()))));
    }

    private static IEnumerable<string> OddBodies() => LeftToJsonTextReader.Concat(new[] { "", "   " });

    [TestCaseSource(nameof(OddBodies))]
    public void The_response_path_gives_JsonTextReaders_result_or_error_for_what_it_leaves(string json)
    {
        var body = Encoding.UTF8.GetBytes(json.Trim().Length == 0 ? json : "{\"cursor\": null, \"items\": " + json + "}");
        var (expected, expectedError) = Outcome(() => JsonBody.ReadWithTextReader<JToken>(body, 0, body.Length, "items"));
        var (actual, actualError) = Outcome(() => JsonBody.Read<JToken>(body, 0, body.Length, "items"));
        Assert.Multiple(() =>
        {
            Assert.That(actualError, Is.EqualTo(expectedError));
            Assert.That(actual, Is.EqualTo(expected));
        });
    }

    [TestCaseSource(nameof(StrictDocuments))]
    public void The_response_path_reads_strict_JSON_with_the_strict_reader(string json)
    {
        var body = Encoding.UTF8.GetBytes("{\"cursor\": \"next\", \"items\": " + json + "}");
        var result = JsonBody.Read<JToken>(body, 0, body.Length, "items");
        var text = JsonBody.ReadWithTextReader<JToken>(body, 0, body.Length, "items");
        Assert.Multiple(() =>
        {
            Assert.That(result.Strict, Is.True);
            Assert.That(result.Cursor, Is.EqualTo("next"));
            Assert.That(result.Value!.ToString(Formatting.None), Is.EqualTo(text.Value!.ToString(Formatting.None)));
        });
    }

    [Test]
    public void Decimals_keep_Newtonsofts_value_and_scale()
    {
        var random = new Random(20261206);
        var generated = Enumerable.Range(0, 3000).Select(_ =>
        {
            var digits = random.Next(1, 19);
            var text = new string(Enumerable.Range(0, digits).Select(i => (char)('0' + random.Next(i == 0 && digits > 1 ? 1 : 0, 10))).ToArray());
            var scale = random.Next(0, digits + 1);
            var number = scale == 0 ? text : scale == digits ? "0." + text : text.Substring(0, digits - scale) + "." + text.Substring(digits - scale);
            return (random.Next(2) == 0 && number.Any(c => c > '0' && c <= '9') ? "-" : "") + number;
        });
        var numbers = generated.Concat(new[] { "2.5", "2.50", "0.05", "-0", "0.0", "1.000000000000000", "123456789.123456789", "-987654321987654.321", "0.000000000000000001", "999999999999999999", "-999999999999999999" });
        foreach (var number in numbers)
        {
            var bytes = Encoding.UTF8.GetBytes("[" + number + "]");
            var strict = Configure(new Utf8BodyReader(bytes, 0, bytes.Length, new LearningNameTable()));
            var text = Configure(new JsonTextReader(new StringReader("[" + number + "]")));
            strict.Read();
            strict.Read();
            text.Read();
            text.Read();
            Assert.That(strict.TokenType, Is.EqualTo(text.TokenType), number);
            Assert.That(strict.Value?.GetType(), Is.EqualTo(text.Value?.GetType()), number);
            if (text.Value is decimal expected)
            {
                Assert.That(decimal.GetBits((decimal)strict.Value!), Is.EqualTo(decimal.GetBits(expected)), number + ": the same bits, scale and sign included");
                Assert.That(((Utf8BodyReader)strict).TryGetDecimal(out var unboxed) && decimal.GetBits(unboxed).SequenceEqual(decimal.GetBits(expected)), Is.True, number + ": unboxed too");
            }
            else
            {
                Assert.That(strict.Value, Is.EqualTo(text.Value), number);
            }
        }
    }

    [Test]
    public void Typed_reads_need_no_materialized_value()
    {
        var bytes = Encoding.UTF8.GetBytes("[400000, 2.50, \"2020-10-26T01:50:50.264656+00:00\", \"2020-10-26 01:50:50\"]");
        var reader = new Utf8BodyReader(bytes, 0, bytes.Length, new LearningNameTable());
        reader.Read();
        reader.Read();
        Assert.That(reader.TryGetInt64(out var integer) && integer == 400000, Is.True);
        reader.Read();
        Assert.That(reader.TryGetDecimal(out var number) && decimal.GetBits(number).SequenceEqual(decimal.GetBits(2.50m)), Is.True);
        reader.Read();
        Assert.That(reader.TryGetCanonicalDateTime(out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateTimeOffset(2020, 10, 26, 1, 50, 50, TimeSpan.Zero).AddTicks(2646560)));
        reader.Read();
        Assert.That(reader.TryGetCanonicalDateTime(out _), Is.False, "not canonical: the converter's general parser decides");
        Assert.That(reader.Value, Is.EqualTo("2020-10-26 01:50:50"));
    }

    [Test]
    public void Property_names_come_from_the_shared_table()
    {
        var table = new LearningNameTable();
        var bytes = Encoding.UTF8.GetBytes("[{\"nominalAmount\": 1}, {\"nominalAmount\": 2}]");
        var reader = new Utf8BodyReader(bytes, 0, bytes.Length, table);
        var names = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonToken.PropertyName)
            {
                names.Add((string)reader.Value!);
            }
        }

        Assert.That(names, Has.Count.EqualTo(2));
        Assert.That(names[1], Is.SameAs(names[0]));
    }

    [Test]
    public void Reflection_reads_of_user_classes_are_left_to_JsonTextReader()
    {
        // A float where an int is declared: JsonTextReader refuses it, JsonReader's default would round it.
        var body = Encoding.UTF8.GetBytes("{\"cursor\": null, \"items\": [{\"count\": 2.5, \"name\": \"a\"}]}");
        var (expected, expectedError) = Outcome(() => Wrap(JsonBody.ReadWithTextReader<List<Counted>>(body, 0, body.Length, "items")));
        var (actual, actualError) = Outcome(() => Wrap(JsonBody.Read<List<Counted>>(body, 0, body.Length, "items")));
        Assert.Multiple(() =>
        {
            Assert.That(expectedError, Is.Not.Null, "JsonTextReader refuses 2.5 for an int");
            Assert.That(actualError, Is.EqualTo(expectedError));
            Assert.That(actual, Is.EqualTo(expected));
        });

        var fine = Encoding.UTF8.GetBytes("{\"items\": [{\"count\": 2, \"name\": \"a\"}, {\"count\": 3, \"name\": null}]}");
        var read = JsonBody.Read<List<Counted>>(fine, 0, fine.Length, "items");
        Assert.Multiple(() =>
        {
            Assert.That(read.Strict, Is.False);
            Assert.That(read.Value!.Select(c => c.Count), Is.EqualTo(new[] { 2, 3 }));
            Assert.That(read.Value!.Select(c => c.Name), Is.EqualTo(new[] { "a", null }));
        });
    }

    [Test]
    public void The_depth_limit_is_Newtonsofts()
    {
        var json = new string('[', 65) + new string(']', 65);
        var bytes = Encoding.UTF8.GetBytes(json);
        var strict = Assert.Throws<JsonReaderException>(() => Tokens(Configure(new Utf8BodyReader(bytes, 0, bytes.Length, new LearningNameTable()))));
        Assert.That(strict!.Message, Does.Contain("MaxDepth"));
    }

    private static JsonBody.Result<JToken> Wrap<T>(JsonBody.Result<T> result) =>
        new JsonBody.Result<JToken> { Found = result.Found, Value = result.Value is null ? null : JToken.FromObject(result.Value) };

    private static JsonReader Configure(JsonReader reader)
    {
        reader.DateParseHandling = DateParseHandling.None;
        reader.FloatParseHandling = FloatParseHandling.Decimal;
        reader.MaxDepth = 64;
        return reader;
    }

    private static List<string> Tokens(JsonReader reader)
    {
        var tokens = new List<string>();
        while (reader.Read())
        {
            var value = reader.Value is decimal d ? string.Join(",", decimal.GetBits(d)) : reader.Value?.ToString();
            tokens.Add($"{reader.TokenType} {reader.ValueType?.Name} {value} @{reader.Path} d{reader.Depth}");
        }

        tokens.Add($"end {reader.TokenType}");
        return tokens;
    }

    private static (string? Value, string? Error) Outcome(Func<JsonBody.Result<JToken>> read)
    {
        try
        {
            var result = read();
            return (result.Found + " " + result.Value?.ToString(Formatting.None), null);
        }
        catch (Exception ex)
        {
            return (null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    public sealed class Counted
    {
        public int Count { get; set; }

        public string? Name { get; set; }
    }
}
