namespace Secrets.Build.Core.Workspace;

/// <summary>
/// How far a long operation (an import or rotation of thousands of secrets) has got: a count, never
/// a name or a value, so a progress display can show it anywhere.
/// </summary>
/// <param name="Completed">Secrets (or imported lines) handled so far.</param>
/// <param name="Total">How many there are; <paramref name="Completed"/> reaches it before the store is saved.</param>
public readonly record struct SecretsProgress(int Completed, int Total);
