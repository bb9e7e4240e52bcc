namespace Secrets.Build.Core.Diagnostics;

// The secrets-build command-line tool and the value reads behind it: SECB800-SECB819.
internal static partial class DiagnosticCodes
{
    /// <summary>A secret name asked for (<c>secrets-build get</c>) is not declared in the schema or has no value in the store.</summary>
    public const string SecretNotDeclared = "SECB800";

    /// <summary><c>secrets-build get</c> would print a value on a terminal; it does so only with <c>--reveal</c>.</summary>
    public const string RevealNeedsConfirmation = "SECB801";

    /// <summary>Several <c>secrets.schema.json</c> files below a folder without one of its own, and none chosen.</summary>
    public const string SchemaAmbiguous = "SECB802";

    /// <summary>The command given to <c>secrets-build run</c> could not be started.</summary>
    public const string CommandNotStarted = "SECB803";

    /// <summary><c>secrets-build init</c> would replace an existing <c>secrets.schema.json</c>.</summary>
    public const string SchemaExists = "SECB804";

    /// <summary>A file named on the tool's command line (an identity, a <c>.env</c> to import) cannot be read.</summary>
    public const string ToolInputUnreadable = "SECB805";

    /// <summary>A problem <c>secrets-build doctor</c> found, with its fix: an error when builds fail until it is fixed (no schema, no key), else a warning.</summary>
    public const string DoctorFinding = "SECB806";
}
