using System;
using System.Globalization;
using System.IO;

namespace StarkSdk.Emulator.Hosting;

/// <summary>Reads the command line into <see cref="EmulatorOptions"/>.</summary>
internal static class CommandLine
{
    public const string Usage = @"stark-emulator: a local, stateful stand-in for the Stark Bank and Stark Infra APIs v2.

Usage: stark-emulator [options]   (from the repository: dotnet run --project src/StarkSdk.Emulator.Tool -- [options])

  --port N                    TCP port (default 0 = a free one; the URL is printed)
  --host ADDRESS              address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
  --api bank|infra            the API to serve (default bank: Stark Bank; infra: Stark Infra)
  --spec PATH                 serve this OpenAPI file instead of the API's embedded one
  --key ACCESS_ID=PEM_FILE    accept requests signed for ACCESS_ID (project/123, organization/456); repeatable
  --no-auth                   accept unsigned requests
  --allow-unknown-fields      do not reject request fields the spec does not declare
  --strict-query              reject unknown query parameters on POST/PATCH/PUT too (default: ignored)
  --max-body-bytes N          largest request body (default 16777216)
  --seed N                    repeatable ids
  --workspace-id ID           id of the emulated workspace
  --initial-balance CENTS     starting balance (default 0)
  --enforce-balance           fail cash-outs when the balance is too low
  --signing-key PEM_FILE      the emulator's private key for webhook signatures (default: a new one)
  --manual-webhooks           deliver webhooks only on POST /emulator/webhooks/flush
  --allow-external-webhooks   deliver webhooks to non-loopback hosts too
  --max-clock-skew SECONDS    accepted distance of Access-Time from now (default 600)
  --verbose                   ASP.NET Core logs on the console
  --help                      this text

Admin API (no signature): GET /emulator lists the routes, e.g. POST /emulator/keys {""accessId"", ""publicKey""},
POST /emulator/invoice/{id}/pay, POST /emulator/reset.";

    /// <summary>Parses the arguments; returns null (after printing why) when the program should exit.</summary>
    public static EmulatorOptions? Parse(string[] args, TextWriter output, TextWriter error)
    {
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Length)
                    throw new ArgumentException($"{arg} needs a value");
                return args[++i];
            }
            try
            {
                switch (arg)
                {
                    case "--help":
                    case "-h":
                        output.WriteLine(Usage);
                        return null;
                    case "--port":
                        options.Port = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--host":
                        options.Host = Value();
                        break;
                    case "--api":
                        options.Api = Value().ToLowerInvariant() switch
                        {
                            "bank" or "starkbank" => EmulatedApi.StarkBank,
                            "infra" or "starkinfra" => EmulatedApi.StarkInfra,
                            var other => throw new ArgumentException($"--api expects bank or infra; got {other}"),
                        };
                        break;
                    case "--spec":
                        options.SpecPath = Value();
                        break;
                    case "--key":
                        var pair = Value();
                        var equals = pair.IndexOf('=', StringComparison.Ordinal);
                        if (equals <= 0)
                            throw new ArgumentException("--key expects ACCESS_ID=PEM_FILE");
                        options.PublicKeys[pair.Substring(0, equals)] = File.ReadAllText(pair.Substring(equals + 1));
                        break;
                    case "--no-auth":
                        options.RequireSignatures = false;
                        break;
                    case "--allow-unknown-fields":
                        options.RejectUnknownProperties = false;
                        break;
                    case "--strict-query":
                        options.StrictQueryParameters = true;
                        break;
                    case "--max-body-bytes":
                        options.MaxRequestBodyBytes = long.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--seed":
                        options.Seed = int.Parse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                        break;
                    case "--workspace-id":
                        options.WorkspaceId = Value();
                        break;
                    case "--initial-balance":
                        options.InitialBalance = long.Parse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                        break;
                    case "--enforce-balance":
                        options.EnforceBalance = true;
                        break;
                    case "--signing-key":
                        options.SigningKeyPem = File.ReadAllText(Value());
                        break;
                    case "--manual-webhooks":
                        options.WebhookDelivery = WebhookDeliveryMode.Manual;
                        break;
                    case "--allow-external-webhooks":
                        options.AllowExternalWebhooks = true;
                        break;
                    case "--max-clock-skew":
                        options.MaxClockSkew = TimeSpan.FromSeconds(double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture));
                        break;
                    case "--verbose":
                        options.EnableLogging = true;
                        break;
                    default:
                        throw new ArgumentException($"unknown option {arg}");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine("error: " + e.Message);
                error.WriteLine("Run with --help for the options.");
                return null;
            }
        }
        return options;
    }
}
