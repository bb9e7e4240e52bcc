namespace Secrets.Build.Generator.Emit;

/// <summary>
/// The public run-time surface of AppSecrets, the same for every schema: <c>Environment</c>,
/// <c>Inspect()</c>, <c>Validate()</c> and the descriptor, status and exception types.
/// <c>/*?*/</c> marks a nullable annotation, dropped for consumers older than C# 8. The class's
/// accessibility is declared once, in AppSecrets.g.cs; the fixed parts leave it out.
/// </summary>
internal static class PublicApiTemplate
{
    public const string Text = """
static partial class AppSecrets
{
    /// <summary>The environment variable that selects the environment at run time.</summary>
    public const string EnvironmentVariable = "SECRETS_ENVIRONMENT";

    /// <summary>
    /// The environment whose secrets are read: <c>SECRETS_ENVIRONMENT</c> when set; else <c>ASPNETCORE_ENVIRONMENT</c>,
    /// then <c>DOTNET_ENVIRONMENT</c>, when it names an environment of the schema (any case; Production also
    /// matches prod); else <see cref="BuildEnvironment"/>.
    /// </summary>
    public static string Environment
    {
        get { return SecretsRuntime.Current.Environment; }
    }

    /// <summary>
    /// Resolves every declared secret and tells, for each, where it was found, its length and what is wrong
    /// with it, if anything. Never a value: safe to print as an inventory.
    /// </summary>
    /// <returns>One status per secret, in schema order.</returns>
    public static global::System.Collections.Generic.IReadOnlyList<SecretStatus> Inspect()
    {
        var statuses = new global::System.Collections.Generic.List<SecretStatus>(Descriptors.Count);
        foreach (var descriptor in Descriptors)
        {
            var resolution = SecretsRuntime.Resolve(descriptor);
            statuses.Add(new SecretStatus(descriptor, resolution.Source, resolution.Length, resolution.Problem));
        }

        return statuses.AsReadOnly();
    }

    /// <summary>
    /// Checks every declared secret at once, so a start-up fails with the whole list of what is missing
    /// or malformed rather than one secret at a time.
    /// </summary>
    /// <exception cref="AppSecretsException">One or more secrets are missing or malformed; the message names each one.</exception>
    public static void Validate()
    {
        var names = new global::System.Collections.Generic.List<string>();
        var problems = new global::System.Text.StringBuilder();
        foreach (var status in Inspect())
        {
            if (status.Problem != null)
            {
                names.Add(status.Descriptor.Name);
                problems.Append(global::System.Environment.NewLine).Append("  - ").Append(status.Problem);
            }
        }

        if (names.Count > 0)
        {
            throw new AppSecretsException(
                names.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " of " +
                Descriptors.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) +
                " secrets are not usable in environment '" + Environment + "':" + problems.ToString(),
                names.AsReadOnly());
        }
    }

    /// <summary>The text of a secret that reads as its type, else null: what a configuration source holds.</summary>
    internal static string/*?*/ ResolvedText(SecretDescriptor descriptor)
    {
        var resolution = SecretsRuntime.Resolve(descriptor);
        return resolution.Value == null ? null : resolution.Text;
    }

    /// <summary>One declared secret, as the schema describes it. Holds no value.</summary>
    public sealed class SecretDescriptor
    {
        internal SecretDescriptor(string name, string propertyName, string category, global::System.Type valueType, string typeName, string encoding, string description, int rotationDays, bool isExternal)
        {
            Name = name;
            PropertyName = propertyName;
            Category = category;
            ValueType = valueType;
            TypeName = typeName;
            Encoding = encoding;
            Description = description;
            RotationDays = rotationDays;
            IsExternal = isExternal;
        }

        /// <summary>The environment variable name, e.g. <c>POSTGRES_PASSWORD</c>.</summary>
        public string Name { get; }

        /// <summary>The property of <see cref="AppSecrets"/> that reads it.</summary>
        public string PropertyName { get; }

        /// <summary>The rotation category, e.g. <c>database_passwords</c>.</summary>
        public string Category { get; }

        /// <summary>The type the property returns.</summary>
        public global::System.Type ValueType { get; }

        /// <summary>The type as people read it, e.g. <c>string</c> or <c>byte[] (base64)</c>.</summary>
        public string TypeName { get; }

        /// <summary>How the value is written as text: <c>text</c>, <c>hex</c>, <c>base64</c> or <c>base64url</c>.</summary>
        public string Encoding { get; }

        /// <summary>What the secret is for.</summary>
        public string Description { get; }

        /// <summary>How many days the value may live before it must be rotated.</summary>
        public int RotationDays { get; }

        /// <summary>True when you supply the value; the build never generates it.</summary>
        public bool IsExternal { get; }

        /// <summary>The variable name.</summary>
        /// <returns>The variable name.</returns>
        public override string ToString()
        {
            return Name;
        }
    }

    /// <summary>What <see cref="Inspect"/> found for one secret. Holds no value.</summary>
    public sealed class SecretStatus
    {
        internal SecretStatus(SecretDescriptor descriptor, string/*?*/ source, int length, string/*?*/ problem)
        {
            Descriptor = descriptor;
            Source = source;
            Length = length;
            Problem = problem;
        }

        /// <summary>The secret.</summary>
        public SecretDescriptor Descriptor { get; }

        /// <summary>Where the value came from (the environment variable or the .env file's path); null when not found.</summary>
        public string/*?*/ Source { get; }

        /// <summary>The value's length in characters, 0 when missing: enough to see that it was provisioned.</summary>
        public int Length { get; }

        /// <summary>Why the secret cannot be used (missing or malformed), without its value; null when it can.</summary>
        public string/*?*/ Problem { get; }

        /// <summary>True when the secret is present and reads as its type.</summary>
        public bool IsValid
        {
            get { return Problem == null; }
        }
    }

    /// <summary>A secret is missing or malformed. The message names the variables, their types and where they were looked for; never a value.</summary>
    public sealed class AppSecretsException : global::System.InvalidOperationException
    {
        internal AppSecretsException(string message, global::System.Collections.Generic.IReadOnlyList<string> secretNames)
            : base(message)
        {
            SecretNames = secretNames;
        }

        /// <summary>The variables that are missing or malformed.</summary>
        public global::System.Collections.Generic.IReadOnlyList<string> SecretNames { get; }
    }
}
""";
}
