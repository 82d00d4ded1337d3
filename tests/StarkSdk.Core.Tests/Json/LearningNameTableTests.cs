using System;
using System.Linq;
using System.Threading.Tasks;

namespace StarkSdk.Core.Tests.Json;

/// <summary>The shared property-name table: one string per name once learned, a hard bound, and safe under concurrent readers.</summary>
public class LearningNameTableTests
{
    [Test]
    public void A_name_read_twice_is_one_string()
    {
        var table = new LearningNameTable();
        var first = table.Get("{\"nominalAmount\"".ToCharArray(), 2, 13);
        var second = table.Get("xxnominalAmount".ToCharArray(), 2, 13);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo("nominalAmount"));
            Assert.That(second, Is.SameAs(first));
            Assert.That(table.Get(Array.Empty<char>(), 0, 0), Is.SameAs(string.Empty));
        });
    }

    [Test]
    public void Names_past_the_bound_or_too_long_are_not_learned()
    {
        var table = new LearningNameTable();
        for (var i = 0; i < LearningNameTable.MaxNames + 100; i++)
        {
            var name = "field" + i;
            Assert.That(table.Get(name.ToCharArray(), 0, name.Length), i < LearningNameTable.MaxNames ? Is.EqualTo(name) : Is.Null);
        }

        var early = "field7".ToCharArray();
        var longName = new string('n', LearningNameTable.MaxNameLength + 1).ToCharArray();
        Assert.Multiple(() =>
        {
            Assert.That(table.Count, Is.EqualTo(LearningNameTable.MaxNames));
            Assert.That(table.Get(early, 0, early.Length), Is.EqualTo("field7"), "names learned before the bound are still found");
            Assert.That(new LearningNameTable().Get(longName, 0, longName.Length), Is.Null);
        });
    }

    [Test]
    public void Concurrent_readers_all_get_the_same_string_for_a_name()
    {
        var table = new LearningNameTable();
        var names = Enumerable.Range(0, 2000).Select(i => "property" + i).ToArray();
        var results = new string?[8][];
        Parallel.For(0, 8, worker =>
        {
            results[worker] = new string?[names.Length];
            for (var pass = 0; pass < 3; pass++)
            {
                for (var i = 0; i < names.Length; i++)
                {
                    var index = (i * 7 + worker * 131) % names.Length;
                    var chars = names[index].ToCharArray();
                    var got = table.Get(chars, 0, chars.Length);
                    Assert.That(got, Is.EqualTo(names[index]));
                    results[worker]![index] ??= got;
                }
            }
        });

        for (var i = 0; i < names.Length; i++)
        {
            var canonical = table.Get(names[i].ToCharArray(), 0, names[i].Length);
            Assert.That(results.Select(r => r![i]), Is.All.SameAs(canonical), names[i]);
        }
    }
}
