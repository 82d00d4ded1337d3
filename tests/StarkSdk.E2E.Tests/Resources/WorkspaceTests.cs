namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Workspaces: create, query, get and update.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class WorkspaceTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createWorkspace", "queryWorkspaces", "getWorkspace", "updateWorkspace")]
    public async Task Creates_lists_gets_and_updates_a_workspace()
    {
        var created = await Client.Workspaces.CreateAsync(new Workspace { Username = "iron-bank-123", Name = "Iron Bank #123", AllowedTaxIds = new List<string> { Samples.CpfTaxId } });
        var other = await Client.Workspaces.CreateAsync(new Workspace { Username = "iron-bank-456", Name = "Iron Bank #456" });

        var byUsername = await Client.Workspaces.QueryAsync(new WorkspaceQueryOptions { Username = "iron-bank-123" }).ToListAsync();
        var all = await Client.Workspaces.QueryAsync().ToListAsync();
        var fetched = await Client.Workspaces.GetAsync(created.Id);
        var updated = await Client.Workspaces.UpdateAsync(created.Id, new WorkspaceUpdate { Name = "Iron Bank of Braavos", Status = WorkspaceStatus.Blocked });

        Assert.Multiple(() =>
        {
            Assert.That(created.Username, Is.EqualTo("iron-bank-123"));
            Assert.That(byUsername.Select(w => w.Id), Is.EqualTo(new[] { created.Id }));
            Assert.That(all.Select(w => w.Id), Is.SupersetOf(new[] { created.Id, other.Id }));
            Assert.That(fetched.Name, Is.EqualTo("Iron Bank #123"));
            Assert.That(fetched.AllowedTaxIds, Is.EqualTo(new[] { Samples.CpfTaxId }));
            Assert.That(updated.Name, Is.EqualTo("Iron Bank of Braavos"));
            Assert.That(updated.Status, Is.EqualTo(WorkspaceStatus.Blocked));
        });
    }
}
