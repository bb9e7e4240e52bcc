using System.Collections.Immutable;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// Finds the age identities of the person or machine running the build. Unlike symmetric keys,
/// every source found is used: a store opens with whichever identity is among its recipients,
/// and trying several costs nothing. Sources, in order:
/// <list type="number">
/// <item><c>SECRETS_BUILD_IDENTITY_&lt;ENV&gt;</c>, then <c>SECRETS_BUILD_IDENTITY</c>: the text of an identity file (build servers);</item>
/// <item><c>identity.&lt;env&gt;.txt</c>, then <c>identity.txt</c> in the key folder (the same folder as key files), as <c>age-keygen -o</c> writes them.</item>
/// </list>
/// A source that is set but holds something else is an error, so a mangled identity never goes unnoticed.
/// </summary>
internal sealed class IdentityLocator
{
    private const int MaxIdentityFileBytes = 64 * 1024;

    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly string? _workspaceDirectory;

    /// <summary>Creates a locator.</summary>
    /// <param name="environment">The environment, e.g. <c>production</c>.</param>
    /// <param name="environmentVariables">The variables to read, usually <see cref="EnvironmentSnapshot.FromProcess"/>.</param>
    /// <param name="keyDirectory">An explicit key folder (overrides <c>SECRETS_BUILD_KEY_DIR</c> and the per-user default).</param>
    /// <param name="workspaceDirectory">The workspace; identity files inside it are not read.</param>
    public IdentityLocator(string environment, IReadOnlyDictionary<string, string> environmentVariables, string? keyDirectory = null, string? workspaceDirectory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(environment);
        ArgumentNullException.ThrowIfNull(environmentVariables);
        _environment = environment;
        _variables = environmentVariables;
        _workspaceDirectory = string.IsNullOrEmpty(workspaceDirectory) ? null : Path.GetFullPath(workspaceDirectory);
        KeyDirectoryPath = KeyDirectory.Find(keyDirectory, environmentVariables, OperatingSystem.IsWindows(), _workspaceDirectory ?? Directory.GetCurrentDirectory());
    }

    /// <summary>The key folder identity files are read from, or null when none can be determined.</summary>
    public string? KeyDirectoryPath { get; }

    /// <summary>Where a developer keeps the identity that opens every store: <c>identity.txt</c> in the key folder.</summary>
    public string? IdentityFilePath => KeyDirectoryPath is null ? null : Path.Combine(KeyDirectoryPath, IdentityVariables.IdentityFileName);

    /// <summary>Reads every identity source; never writes.</summary>
    public IdentityResolution Resolve()
    {
        var places = ImmutableArray.CreateBuilder<string>();
        var diagnostics = ImmutableArray.CreateBuilder<SecretsDiagnostic>();
        var identities = new List<AgeIdentity>();
        var sources = new List<string>();
        foreach (var name in new[] { IdentityVariables.IdentityFor(_environment), IdentityVariables.SharedIdentity })
        {
            var source = $"environment variable {name}";
            if (!_variables.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text))
            {
                places.Add($"{source} ({(text is null ? "not set" : "empty")})");
                continue;
            }

            places.Add(source);
            Add(text, source, location: null, identities, sources, diagnostics);
        }

        foreach (var path in IdentityFiles())
        {
            ReadFile(path, places, identities, sources, diagnostics);
        }

        var key = identities.Count > 0 && !diagnostics.Any(d => d.Severity == SecretsSeverity.Error)
            ? new IdentityKey(identities, string.Join(", ", sources))
            : null;
        return new IdentityResolution(key, places.ToImmutable(), diagnostics.ToImmutable());
    }

    private IEnumerable<string> IdentityFiles()
    {
        if (KeyDirectoryPath is null)
        {
            yield break;
        }

        yield return Path.Combine(KeyDirectoryPath, IdentityVariables.IdentityFileFor(_environment));
        yield return Path.Combine(KeyDirectoryPath, IdentityVariables.IdentityFileName);
    }

    private void ReadFile(string path, ImmutableArray<string>.Builder places, List<AgeIdentity> identities, List<string> sources, ImmutableArray<SecretsDiagnostic>.Builder diagnostics)
    {
        if (_workspaceDirectory is not null && KeyDirectory.IsInside(path, _workspaceDirectory))
        {
            places.Add($"identity file {path} (refused: inside the workspace)");
            return;
        }

        if (!File.Exists(path))
        {
            places.Add($"identity file {path} (not found)");
            return;
        }

        places.Add($"identity file {path}");
        diagnostics.AddRange(KeyFilePermissions.Check(path));
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxIdentityFileBytes)
            {
                diagnostics.Add(Malformed($"The identity file {path} is larger than any identity file", 0, SourceLocation.ForFile(path)));
                return;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(SecretsDiagnostic.Error(
                DiagnosticCodes.IdentityFileUnreadable,
                $"The identity file {path} exists but cannot be read: {e.Message}",
                $"Give your user read access to it (chmod 600 '{path}' as its owner), or set {IdentityVariables.IdentityFor(_environment)} to its text instead.",
                SourceLocation.ForFile(path)));
            return;
        }

        Add(text, path, path, identities, sources, diagnostics);
    }

    private void Add(string text, string source, string? location, List<AgeIdentity> identities, List<string> sources, ImmutableArray<SecretsDiagnostic>.Builder diagnostics)
    {
        if (!AgeIdentityFile.TryParse(text, source, out var found, out var badLine))
        {
            var where = location is null ? null : new SourceLocation(location, badLine, 1, badLine, 1, 0, 0);
            diagnostics.Add(Malformed(location is null ? $"The {source}" : $"The identity file {source}", badLine, where));
            return;
        }

        if (found.Count == 0)
        {
            diagnostics.Add(Malformed(location is null ? $"The {source}" : $"The identity file {source}", 0, location is null ? null : SourceLocation.ForFile(location)));
            return;
        }

        sources.Add(location is null ? source : $"identity file {source}");
        foreach (var identity in found)
        {
            if (identities.Any(i => i.Recipient.Equals(identity.Recipient)))
            {
                identity.Dispose();
            }
            else
            {
                identities.Add(identity);
            }
        }
    }

    private SecretsDiagnostic Malformed(string what, int line, SourceLocation? location) => SecretsDiagnostic.Error(
        DiagnosticCodes.IdentityMalformed,
        line > 0
            ? $"{what}: line {line} is not an age identity, a comment or blank."
            : $"{what} holds no age identity.",
        $"An identity file is what 'age-keygen -o <file>' writes: '# ' comment lines and AGE-SECRET-KEY-1… lines. Copy it whole; in a CI setting paste the file's text into {IdentityVariables.IdentityFor(_environment)}.",
        location);
}

/// <summary>What <see cref="IdentityLocator.Resolve"/> found.</summary>
/// <param name="Key">The identities found, or null when there are none (or a source was malformed).</param>
/// <param name="PlacesLooked">Each place looked, in order, with what was there.</param>
/// <param name="Diagnostics">Errors (a malformed identity) and warnings (a too-open file); never contain a private key.</param>
internal sealed record IdentityResolution(IdentityKey? Key, ImmutableArray<string> PlacesLooked, ImmutableArray<SecretsDiagnostic> Diagnostics)
{
    /// <summary>True when a source held something unusable.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == SecretsSeverity.Error);

    /// <summary>The places looked, as one line for a message.</summary>
    public string DescribePlacesLooked() => string.Join("; ", PlacesLooked);
}
