using System;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Users;

public class UserTests
{
    [Test]
    public void ProjectAccessId()
    {
        var project = new Project(StarkEnvironment.Sandbox, "5656565656565656", TestData.DocsKeyPem);
        Assert.That(project.AccessId, Is.EqualTo("project/5656565656565656"));
        Assert.That(project.Environment, Is.EqualTo(StarkEnvironment.Sandbox));
        Assert.That(project.Id, Is.EqualTo("5656565656565656"));
        Assert.That(project.PrivateKey.PublicKey, Is.EqualTo(TestData.DocsKey.PublicKey));
    }

    [Test]
    public void OrganizationAccessIds()
    {
        var organization = new Organization(StarkEnvironment.Production, "4545454545454545", TestData.DocsKeyPem);
        Assert.That(organization.AccessId, Is.EqualTo("organization/4545454545454545"));
        Assert.That(organization.WorkspaceId, Is.Null);

        var bound = new Organization(StarkEnvironment.Production, "4545454545454545", TestData.DocsKeyPem, "123");
        Assert.That(bound.AccessId, Is.EqualTo("organization/4545454545454545/workspace/123"));
    }

    [Test]
    public void ForWorkspaceReturnsANewUserAndLeavesTheOriginalAlone()
    {
        var organization = new Organization(StarkEnvironment.Sandbox, "45", TestData.DocsKey);
        var bound = organization.ForWorkspace("67890");
        Assert.That(bound.AccessId, Is.EqualTo("organization/45/workspace/67890"));
        Assert.That(bound.PrivateKey, Is.SameAs(organization.PrivateKey));
        Assert.That(bound.Environment, Is.EqualTo(organization.Environment));
        Assert.That(organization.AccessId, Is.EqualTo("organization/45"));
        Assert.That(bound.ForWorkspace("1").AccessId, Is.EqualTo("organization/45/workspace/1"));
    }

    [TestCase("")]
    [TestCase("12/34")]
    [TestCase("12:34")]
    [TestCase("12 34")]
    [TestCase("12\r\nAccess-Id: project/1")]
    public void RejectsIdsThatWouldChangeTheSignedMessage(string id)
    {
        Assert.Throws<ArgumentException>(() => new Project(StarkEnvironment.Sandbox, id, TestData.DocsKey));
        Assert.Throws<ArgumentException>(() => new Organization(StarkEnvironment.Sandbox, "1", TestData.DocsKey, id));
    }

    [Test]
    public void RejectsNullsAndUnknownEnvironments()
    {
        Assert.Throws<ArgumentNullException>(() => new Project(StarkEnvironment.Sandbox, null!, TestData.DocsKey));
        Assert.Throws<ArgumentNullException>(() => new Project(StarkEnvironment.Sandbox, "1", (PrivateKey)null!));
        Assert.Throws<ArgumentNullException>(() => new Project(StarkEnvironment.Sandbox, "1", (string)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Project((StarkEnvironment)7, "1", TestData.DocsKey));
    }

    [Test]
    public void AWrongKeyGivesInvalidKeyException()
    {
        Assert.Throws<InvalidKeyException>(() => new Project(StarkEnvironment.Sandbox, "1", "garbage"));
    }

    [Test]
    public void ToStringNeverRevealsTheKey()
    {
        var project = new Project(StarkEnvironment.Sandbox, "5656565656565656", TestData.DocsKeyPem);
        var text = project.ToString() + new Organization(StarkEnvironment.Sandbox, "1", TestData.DocsKeyPem, "2").ToString();
        Assert.That(text, Does.Contain("project/5656565656565656").And.Contain("organization/1/workspace/2"));
        Keys.PrivateKeyTests.AssertNoKeyMaterial(text, TestData.DocsKeyPem);
    }
}
