using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using StarkSdk.TestKit;

namespace StarkSdk.Conventions.Tests;

/// <summary>The checks behind <see cref="WholesomeTests"/> do catch what they look for (they would pass vacuously otherwise).</summary>
public sealed class ConventionChecksSelfTests
{
    [Test]
    public void An_async_method_without_a_token_is_seen()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PublicSurface.IsAsync(typeof(Sample).GetMethod(nameof(Sample.WithoutTokenAsync))!), Is.True);
            Assert.That(PublicSurface.TakesCancellationToken(typeof(Sample).GetMethod(nameof(Sample.WithoutTokenAsync))!), Is.False);
            Assert.That(PublicSurface.TakesCancellationToken(typeof(Sample).GetMethod(nameof(Sample.WithTokenAsync))!), Is.True);
            Assert.That(PublicSurface.IsExternalContract(typeof(Sample).GetMethod(nameof(Sample.WithoutTokenAsync))!), Is.False);
            Assert.That(PublicSurface.IsExternalContract(typeof(Sample).GetMethod(nameof(Sample.DisposeAsync))!), Is.True, "IAsyncDisposable fixes its shape");
        });
    }

    [Test]
    public void An_undocumented_property_is_seen()
    {
        var documented = PublicSurface.DocumentedIds(typeof(StarkSdk.Bank.Invoice).Assembly);

        Assert.That(documented, Does.Contain(PublicSurface.DocumentationId(typeof(StarkSdk.Bank.Invoice).GetProperty(nameof(StarkSdk.Bank.Invoice.Amount))!)));
        Assert.That(documented, Does.Not.Contain(PublicSurface.DocumentationId(typeof(Sample).GetProperty(nameof(Sample.Undocumented))!)));
    }

    [Test]
    public void A_non_virtual_method_is_seen()
    {
        Assert.That(typeof(Sample).GetMethod(nameof(Sample.WithTokenAsync))!.IsVirtual, Is.False);
    }

    /// <summary>Breaks every convention on purpose.</summary>
    public sealed class Sample : System.IAsyncDisposable
    {
        /// <summary>Not in the SDK's documentation file.</summary>
        public int Undocumented { get; set; }

        /// <summary>No token.</summary>
        public Task WithoutTokenAsync() => Task.CompletedTask;

        /// <summary>A token, not virtual.</summary>
        public Task WithTokenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <inheritdoc />
        public ValueTask DisposeAsync() => default;
    }
}
