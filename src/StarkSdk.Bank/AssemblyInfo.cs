// The SDK's own texts (errors, docs) are English; resource lookups need not probe for satellite assemblies.
[assembly: System.Resources.NeutralResourcesLanguage("en")]

// This file is also the project's only hand-written Compile item, and it must stay one: MSBuild writes the assembly's
// TargetFramework attribute only for a project that has a Compile item of its own ('@(Compile)' != ''), and everything
// else here is generated at compile time, so without it the DLLs would not say which framework they were built for.
