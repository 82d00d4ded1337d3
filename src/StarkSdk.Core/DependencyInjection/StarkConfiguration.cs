using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace StarkSdk.Core;

/// <summary>
/// Reads <see cref="StarkClientOptions"/> from a configuration section (appsettings.json, environment variables, a vault):
/// <code>
/// "StarkBank": {
///   "Environment": "Sandbox",                      // or "Production"
///   "ProjectId": "5656565656565656",              // or "OrganizationId" (+ optional "WorkspaceId")
///   "PrivateKeyPath": "/run/secrets/stark.pem",   // or "PrivateKey": a PEM, literal \n accepted
///   "Language": "pt-BR", "Timeout": "00:01:00", "AttemptTimeout": "00:00:15",
///   "Retry": { "MaxRetries": 3, "BaseDelay": "00:00:00.250", "MaxDelay": "00:00:05" }
/// }
/// </code>
/// A section with no id leaves the user to code; inconsistent settings raise <see cref="InvalidOperationException"/> naming the key.
/// </summary>
public static class StarkConfiguration
{
    /// <summary>Applies the settings present in <paramref name="section"/> to <paramref name="options"/>.</summary>
    /// <param name="section">The section.</param>
    /// <param name="options">The options to fill.</param>
    /// <exception cref="InvalidOperationException">A setting is missing, contradictory or malformed.</exception>
    public static void Bind(IConfiguration section, StarkClientOptions options)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var user = ReadUser(section);
        if (user != null)
        {
            options.User = user;
        }

        options.Language = section["Language"] ?? options.Language;
        options.Timeout = ReadTimeSpan(section, "Timeout") ?? options.Timeout;
        options.AttemptTimeout = ReadTimeSpan(section, "AttemptTimeout") ?? options.AttemptTimeout;
        if (section["BaseUrl"] is string baseUrl)
        {
            options.BaseUrl = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri : throw Invalid(section, "BaseUrl", "is not an absolute URL");
        }

        var retry = section.GetSection("Retry");
        if (retry.Exists())
        {
            options.Retry ??= new RetryOptions();
            retry.Bind(options.Retry);
        }
    }

    private static User? ReadUser(IConfiguration section)
    {
        var projectId = section["ProjectId"];
        var organizationId = section["OrganizationId"];
        var workspaceId = section["WorkspaceId"];
        if (projectId is null && organizationId is null)
        {
            return workspaceId is null ? null : throw Invalid(section, "WorkspaceId", "needs an OrganizationId");
        }

        if (projectId != null && organizationId != null)
        {
            throw Invalid(section, "ProjectId", "and OrganizationId are both set; a client signs as one user");
        }

        if (projectId != null && workspaceId != null)
        {
            throw Invalid(section, "WorkspaceId", "applies to an OrganizationId, not to a ProjectId");
        }

        var environment = ReadEnvironment(section);
        var key = ReadKey(section);
        return projectId != null ? new Project(environment, projectId, key) : new Organization(environment, organizationId!, key, workspaceId);
    }

    private static StarkEnvironment ReadEnvironment(IConfiguration section)
    {
        var value = section["Environment"];
        if (value is null)
        {
            throw Invalid(section, "Environment", "is missing (Sandbox or Production)");
        }

        return string.Equals(value, "Production", StringComparison.OrdinalIgnoreCase) ? StarkEnvironment.Production
            : string.Equals(value, "Sandbox", StringComparison.OrdinalIgnoreCase) ? StarkEnvironment.Sandbox
            : throw Invalid(section, "Environment", "must be Sandbox or Production");
    }

    private static PrivateKey ReadKey(IConfiguration section)
    {
        var pem = section["PrivateKey"];
        var path = section["PrivateKeyPath"];
        if (pem != null && path != null)
        {
            throw Invalid(section, "PrivateKey", "and PrivateKeyPath are both set");
        }

        if (pem is null && path is null)
        {
            throw Invalid(section, "PrivateKey", "or PrivateKeyPath is required with an id");
        }

        // The key's own error says what is wrong with it; never its content.
        return pem != null ? PrivateKeySource.FromEscapedPem(pem) : PrivateKeySource.FromFile(path!);
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key)
    {
        var value = section[key];
        if (value is null)
        {
            return null;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw Invalid(section, key, "is not a time span such as 00:00:30");
    }

    private static InvalidOperationException Invalid(IConfiguration section, string key, string problem)
    {
        var path = section is IConfigurationSection named ? named.Path + ":" + key : key;
        return new InvalidOperationException($"Stark configuration: {path} {problem}.");
    }
}
