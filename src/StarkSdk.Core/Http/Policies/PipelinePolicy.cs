using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>
/// One step of the pipeline (the Azure.Core shape): does its part and calls <see cref="PolicyChain.ProcessNextAsync"/>.
/// Policies are stateless and shared by every call of a pipeline; per-call state travels on the <see cref="StarkMessage"/>.
/// </summary>
internal abstract class PipelinePolicy
{
    internal abstract Task ProcessAsync(StarkMessage message, PolicyChain next);
}

/// <summary>The policies after the current one.</summary>
internal readonly struct PolicyChain
{
    private readonly PipelinePolicy[] _policies;
    private readonly int _index;

    internal PolicyChain(PipelinePolicy[] policies, int index)
    {
        _policies = policies;
        _index = index;
    }

    internal Task ProcessNextAsync(StarkMessage message) => _policies[_index].ProcessAsync(message, new PolicyChain(_policies, _index + 1));
}
