namespace StarkSdk.AspNetCore.Tests;

public sealed class InMemoryStarkEventDeduplicatorTests
{
    [Test]
    public async Task A_claimed_event_is_in_progress_then_handled_and_a_released_one_can_be_claimed_again()
    {
        var deduplicator = new InMemoryStarkEventDeduplicator();

        Assert.That(await deduplicator.TryClaimAsync("1", default), Is.EqualTo(StarkEventClaim.Claimed));
        Assert.That(await deduplicator.TryClaimAsync("1", default), Is.EqualTo(StarkEventClaim.InProgress));
        await deduplicator.ReleaseAsync("1", default);
        Assert.That(await deduplicator.TryClaimAsync("1", default), Is.EqualTo(StarkEventClaim.Claimed));
        await deduplicator.CompleteAsync("1", default);
        Assert.That(await deduplicator.TryClaimAsync("1", default), Is.EqualTo(StarkEventClaim.AlreadyHandled));
        await deduplicator.ReleaseAsync("1", default);
        Assert.That(await deduplicator.TryClaimAsync("1", default), Is.EqualTo(StarkEventClaim.AlreadyHandled), "a handled event stays handled");
    }

    [Test]
    public async Task It_remembers_at_most_its_capacity_forgetting_the_oldest_first()
    {
        var deduplicator = new InMemoryStarkEventDeduplicator(capacity: 2);
        foreach (var id in new[] { "a", "b", "c" })
        {
            await deduplicator.TryClaimAsync(id, default);
            await deduplicator.CompleteAsync(id, default);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await deduplicator.TryClaimAsync("a", default), Is.EqualTo(StarkEventClaim.Claimed), "forgotten");
            Assert.That(await deduplicator.TryClaimAsync("b", default), Is.EqualTo(StarkEventClaim.AlreadyHandled));
            Assert.That(await deduplicator.TryClaimAsync("c", default), Is.EqualTo(StarkEventClaim.AlreadyHandled));
        });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new InMemoryStarkEventDeduplicator(0));
    }
}
