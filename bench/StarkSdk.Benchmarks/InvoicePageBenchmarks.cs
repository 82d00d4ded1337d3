using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using StarkSdk.Core;

namespace StarkSdk.Benchmarks;

/// <summary>
/// Deserializing one page of 100 invoices (<c>{"cursor": ..., "invoices": [...]}</c>) from the UTF-8 bytes of a response:
/// the SDK's own read path (the one every response and webhook takes: generated converters, the shared name table, no
/// decoding buffers) against what a hand-written client does, reflection-based Newtonsoft over the same classes through a
/// StreamReader (<see cref="StarkJson.Reflection"/>). Target: at most half the allocations of reflection. Beside them, for
/// reading the figures: the generated converters through the same StreamReader as the baseline (only the converters
/// differ), and every token read with nothing built.
/// </summary>
[MemoryDiagnoser]
[StarkJob]
public class InvoicePageBenchmarks
{
    private byte[] _page = null!;
    private Newtonsoft.Json.DefaultJsonNameTable _names = null!;

    [GlobalSetup]
    public void Setup()
    {
        var head = Fixtures.PageHead("next-page");
        var items = Fixtures.PageItems(PagingBenchmarks.PageSize);
        _names = new Newtonsoft.Json.DefaultJsonNameTable();
        foreach (var type in new[] { typeof(InvoicesEnvelope), typeof(StarkSdk.Bank.Invoice), typeof(StarkSdk.Bank.InvoiceDiscount), typeof(StarkSdk.Bank.InvoiceDescription), typeof(StarkSdk.Bank.InvoiceRule), typeof(StarkSdk.Bank.InvoiceSplit) })
        {
            foreach (var property in ((Newtonsoft.Json.Serialization.JsonObjectContract)StarkJson.Reflection.ContractResolver.ResolveContract(type)).Properties)
            {
                _names.Add(property.PropertyName!);
            }
        }

        _page = new byte[head.Length + items.Length];
        head.CopyTo(_page, 0);
        items.CopyTo(_page, head.Length);
        if (Read(StarkJson.Serializer).Invoices!.Count != PagingBenchmarks.PageSize || Read(StarkJson.Reflection).Invoices!.Count != PagingBenchmarks.PageSize || Sdk() != PagingBenchmarks.PageSize)
        {
            throw new System.InvalidOperationException("The page did not read 100 invoices.");
        }

        if (!JsonBody.Read<System.Collections.Generic.List<StarkSdk.Bank.Invoice>>(_page, 0, _page.Length, "invoices").Strict)
        {
            throw new System.InvalidOperationException("The SDK read the page with its JsonTextReader fallback, not its strict reader.");
        }
    }

    [Benchmark(Baseline = true, Description = "Invoice page: reflection Newtonsoft")]
    public int Reflection() => Read(StarkJson.Reflection).Invoices!.Count;

    [Benchmark(Description = "Invoice page: SDK read path")]
    public int Sdk() => JsonBody.Read<System.Collections.Generic.List<StarkSdk.Bank.Invoice>>(_page, 0, _page.Length, "invoices").Value!.Count;

    [Benchmark(Description = "Invoice page: generated converters, StreamReader")]
    public int Generated() => Read(StarkJson.Serializer).Invoices!.Count;

    /// <summary>
    /// The floor any Newtonsoft-based reader pays: every token read (strings and boxed numbers materialized by
    /// JsonTextReader), with the SDK's name table so known property names are not allocated, and nothing built.
    /// </summary>
    [Benchmark(Description = "Invoice page: JsonTextReader tokens only")]
    public int TokensOnly()
    {
        using var text = new StreamReader(new MemoryStream(_page), Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096);
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        reader.PropertyNameTable = _names;
        var count = 0;
        while (reader.Read())
        {
            count += reader.Value is null ? 0 : 1;
        }

        return count;
    }

    private InvoicesEnvelope Read(JsonSerializer serializer)
    {
        using var text = new StreamReader(new MemoryStream(_page), Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096);
        using var reader = new JsonTextReader(text);
        return serializer.Deserialize<InvoicesEnvelope>(reader)!;
    }
}
