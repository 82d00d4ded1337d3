// The Stark Bank SDK quickstart. Run it from the repository root:
//
//   dotnet run --project samples/Quickstart
//
// Against the embedded emulator by default. To use the real sandbox instead, set STARKBANK_ENVIRONMENT=sandbox,
// STARKBANK_PROJECT_ID and STARKBANK_PRIVATE_KEY (the PEM, or a path to it). To use a running `stark-emulator`, set
// STARKBANK_BASE_URL=http://127.0.0.1:8080 (its URL). See QuickstartFlow.cs for the steps.
using System;
using Quickstart;

var settings = QuickstartSettings.FromEnvironment(Environment.GetEnvironmentVariable);
if (settings.Error is { } error)
{
    Console.Error.WriteLine(error);
    return 2;
}

try
{
    await new QuickstartFlow(settings).RunAsync(Console.Out);
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"The quickstart failed: {e.GetType().Name}: {e.Message}");
    return 1;
}
