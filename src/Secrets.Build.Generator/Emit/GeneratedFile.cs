namespace Secrets.Build.Generator.Emit;

/// <summary>One source file the generator adds: its hint name and its text.</summary>
internal sealed record GeneratedFile(string HintName, string Source);
