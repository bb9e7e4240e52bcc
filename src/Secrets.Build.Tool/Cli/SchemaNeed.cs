namespace Secrets.Build.Tool.Cli;

/// <summary>What a command needs of the schema search.</summary>
internal enum SchemaNeed
{
    /// <summary>A schema must be found; none is SECB115.</summary>
    Required,

    /// <summary>Searched for and reported on by the command itself (doctor).</summary>
    Optional,

    /// <summary>Not searched for: init writes one in the project folder, whatever lies above or below.</summary>
    NotSearched,
}
