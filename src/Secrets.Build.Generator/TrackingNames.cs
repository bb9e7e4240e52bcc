namespace Secrets.Build.Generator;

/// <summary>The names of the pipeline's steps, so tests can assert each one is cached.</summary>
internal static class TrackingNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string Settings = nameof(Settings);
    public const string Parsed = nameof(Parsed);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Model = nameof(Model);
    public const string Options = nameof(Options);
    public const string EmitInput = nameof(EmitInput);
}
