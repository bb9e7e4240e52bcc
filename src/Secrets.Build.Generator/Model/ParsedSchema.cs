namespace Secrets.Build.Generator.Model;

/// <summary>
/// The parser step's output: the model when there is something to emit, and every diagnostic.
/// The pipeline splits the two so a diagnostic that only moved does not regenerate source.
/// </summary>
internal sealed record ParsedSchema(AppSecretsModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
