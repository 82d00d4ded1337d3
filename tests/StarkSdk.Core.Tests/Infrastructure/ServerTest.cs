using System.Threading.Tasks;

namespace StarkSdk.Core.Tests.Infrastructure;

/// <summary>Base for tests that talk to a fresh WireMock API with the docs key registered for the default project.</summary>
public abstract class ServerTest
{
    protected MockApi Server { get; private set; } = null!;

    protected Project User { get; } = TestData.Project();

    [SetUp]
    public async Task StartServer()
    {
        Server = await MockApi.StartAsync();
        Server.Register(User);
    }

    [TearDown]
    public async Task StopServer() => await Server.DisposeAsync();

    protected StarkPipeline Pipeline(StarkClientOptions? options = null) => StarkPipeline.Create(TestData.Api, options ?? TestData.Options(Server, User));
}
