namespace Secrets.Build.Generator.Emit;

/// <summary>
/// The run-time half of AppSecrets: the same for every schema, so it is a fixed text. It reads
/// the process environment, else the <c>.env.&lt;environment&gt;</c> file (the format the build
/// writes: <c>KEY=value</c> lines, <c>#</c> comments, blank lines, optional <c>export</c>, single
/// quotes taken literally, double quotes with backslash escapes). <c>/*?*/</c> marks a nullable
/// annotation, dropped for consumers older than C# 8.
/// </summary>
internal static class RuntimeTemplate
{
    public const string Text = """
public static partial class AppSecrets
{
    /// <summary>The environment variable that selects the environment at run time.</summary>
    public const string EnvironmentVariable = "SECRETS_ENVIRONMENT";

    /// <summary>
    /// The environment whose secrets are read: <c>SECRETS_ENVIRONMENT</c> when set, else <see cref="BuildEnvironment"/>.
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

    /// <summary>Reads the environment once, thread-safely, and converts values to their types.</summary>
    private static class SecretsRuntime
    {
        private static readonly global::System.Lazy<Snapshot> snapshot = new global::System.Lazy<Snapshot>(
            Snapshot.Load, global::System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        internal static Snapshot Current
        {
            get { return snapshot.Value; }
        }

        internal static object Read(SecretDescriptor descriptor)
        {
            var resolution = Resolve(descriptor);
            if (resolution.Value == null)
            {
                throw new AppSecretsException(resolution.Problem ?? descriptor.Name + " cannot be read.", new[] { descriptor.Name });
            }

            return resolution.Value;
        }

        internal static Resolution Resolve(SecretDescriptor descriptor)
        {
            var current = Current;
            string/*?*/ text;
            string/*?*/ source;
            string/*?*/ fileProblem;
            if (current.Variables.TryGetValue(descriptor.Name, out text))
            {
                source = "environment variable " + descriptor.Name;
            }
            else if (current.File.TryGetValue(descriptor.Name, out text))
            {
                source = current.FilePath;
            }
            else if (current.FileProblems.TryGetValue(descriptor.Name, out fileProblem))
            {
                return new Resolution(current.FilePath, 0, null,
                    "Secret " + descriptor.Name + " (" + descriptor.TypeName + ") cannot be read from '" + current.FilePath + "': " + fileProblem +
                    " Fix: correct that line, or run 'dotnet build' to write the file again.");
            }
            else
            {
                return new Resolution(null, 0, null, Missing(descriptor, current));
            }

            if (text == null)
            {
                return new Resolution(null, 0, null, Missing(descriptor, current));
            }

            var value = Convert(descriptor, text);
            if (value == null)
            {
                return new Resolution(source, text.Length, null,
                    "Secret " + descriptor.Name + " from " + Describe(source) + " is not a valid " + descriptor.TypeName +
                    " (environment '" + current.Environment + "'). Fix: " + Expected(descriptor) + ".");
            }

            return new Resolution(source, text.Length, value, null, text);
        }

        private static string Describe(string/*?*/ source)
        {
            if (source == null)
            {
                return "nowhere";
            }

            return source.StartsWith("environment variable ", global::System.StringComparison.Ordinal) ? "the " + source : "'" + source + "'";
        }

        private static string Missing(SecretDescriptor descriptor, Snapshot current)
        {
            var looked = current.FilePath == null
                ? "no " + current.FileName + " file in '" + current.SearchStart + "' or any folder above it"
                : "'" + current.FilePath + "' has no " + descriptor.Name + " line";
            if (current.EnvironmentProblem != null)
            {
                looked = current.EnvironmentProblem;
            }

            var fix = descriptor.IsExternal
                ? "it is supplied by you (external): set the environment variable " + descriptor.Name + ", or add it to the " + current.Environment + " secrets and build again."
                : "run 'dotnet build' to provision the " + current.Environment + " secrets, or set the environment variable " + descriptor.Name + ".";
            return "Secret " + descriptor.Name + " (" + descriptor.TypeName + ") is not set for environment '" + current.Environment +
                "': no environment variable " + descriptor.Name + ", and " + looked + ". Fix: " + fix;
        }

        private static string Expected(SecretDescriptor descriptor)
        {
            if (descriptor.ValueType == typeof(int))
            {
                return "set it to a whole number, e.g. 5432";
            }

            if (descriptor.ValueType == typeof(bool))
            {
                return "set it to true or false";
            }

            if (descriptor.ValueType == typeof(global::System.Uri))
            {
                return "set it to an absolute URI, e.g. https://host:443/";
            }

            if (descriptor.ValueType == typeof(byte[]))
            {
                return "set it to " + descriptor.Encoding + " text, or run 'dotnet build' to provision it";
            }

            return "set it to a non-empty value";
        }

        /// <summary>The typed value, or null when the text does not read as the secret's type.</summary>
        private static object/*?*/ Convert(SecretDescriptor descriptor, string text)
        {
            if (descriptor.ValueType == typeof(string))
            {
                return text;
            }

            if (descriptor.ValueType == typeof(int))
            {
                int number;
                return int.TryParse(text, global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out number)
                    ? (object)number
                    : null;
            }

            if (descriptor.ValueType == typeof(bool))
            {
                bool flag;
                return bool.TryParse(text, out flag) ? (object)flag : null;
            }

            if (descriptor.ValueType == typeof(global::System.Uri))
            {
                global::System.Uri/*?*/ uri;
                return global::System.Uri.TryCreate(text, global::System.UriKind.Absolute, out uri) ? uri : null;
            }

            return Decode(text, descriptor.Encoding);
        }

        private static byte[]/*?*/ Decode(string text, string encoding)
        {
            if (encoding == "hex")
            {
                return DecodeHex(text);
            }

            var base64 = text;
            if (encoding == "base64url")
            {
                // base64url (RFC 4648 section 5) differs from base64 only in two letters and in padding.
                foreach (var c in text)
                {
                    if (c == '+' || c == '/' || c == '=')
                    {
                        return null;
                    }
                }

                base64 = text.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            }

            try
            {
                return global::System.Convert.FromBase64String(base64);
            }
            catch (global::System.FormatException)
            {
                return null;
            }
        }

        // netstandard2.0 has no Convert.FromHexString.
        private static byte[]/*?*/ DecodeHex(string text)
        {
            if (text.Length % 2 != 0)
            {
                return null;
            }

            var bytes = new byte[text.Length / 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                var high = HexDigit(text[2 * i]);
                var low = HexDigit(text[(2 * i) + 1]);
                if (high < 0 || low < 0)
                {
                    return null;
                }

                bytes[i] = (byte)((high << 4) | low);
            }

            return bytes;
        }

        private static int HexDigit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        internal sealed class Resolution
        {
            internal Resolution(string/*?*/ source, int length, object/*?*/ value, string/*?*/ problem, string/*?*/ text = null)
            {
                Text = text;
                Source = source;
                Length = length;
                Value = value;
                Problem = problem;
            }

            internal string/*?*/ Source { get; }

            // The raw text is kept only to hand it to a configuration source; never in a message.
            internal string/*?*/ Text { get; }

            internal int Length { get; }

            internal object/*?*/ Value { get; }

            internal string/*?*/ Problem { get; }
        }

        /// <summary>What the process environment and the .env file held when first asked.</summary>
        internal sealed class Snapshot
        {
            private Snapshot(string environment, string/*?*/ environmentProblem, string searchStart)
            {
                Environment = environment;
                EnvironmentProblem = environmentProblem;
                SearchStart = searchStart;
                FileName = ".env." + environment;
                Variables = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal);
                File = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal);
                FileProblems = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal);
            }

            internal string Environment { get; }

            internal string/*?*/ EnvironmentProblem { get; }

            internal string SearchStart { get; }

            internal string FileName { get; }

            internal string/*?*/ FilePath { get; private set; }

            internal global::System.Collections.Generic.Dictionary<string, string> Variables { get; }

            internal global::System.Collections.Generic.Dictionary<string, string> File { get; }

            internal global::System.Collections.Generic.Dictionary<string, string> FileProblems { get; }

            internal static Snapshot Load()
            {
                var requested = global::System.Environment.GetEnvironmentVariable(EnvironmentVariable);
                var environment = requested == null || requested.Trim().Length == 0 ? BuildEnvironment : requested.Trim().ToLowerInvariant();
                string/*?*/ environmentProblem = null;
                if (!IsEnvironmentName(environment))
                {
                    environmentProblem = EnvironmentVariable + " is not a valid environment name (use letters, digits, '-', '_' or '.'), so no .env file was read";
                }

                var snapshot = new Snapshot(environment, environmentProblem, global::System.AppContext.BaseDirectory);
                foreach (var descriptor in Descriptors)
                {
                    // An empty variable counts as unset: compose writes NAME= for a variable it could not fill.
                    var value = global::System.Environment.GetEnvironmentVariable(descriptor.Name);
                    if (value != null && value.Length > 0)
                    {
                        snapshot.Variables[descriptor.Name] = value;
                    }
                }

                if (environmentProblem == null)
                {
                    snapshot.ReadFile();
                }

                return snapshot;
            }

            private static bool IsEnvironmentName(string name)
            {
                if (name.Length == 0 || name == "." || name == "..")
                {
                    return false;
                }

                foreach (var c in name)
                {
                    if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))
                    {
                        return false;
                    }
                }

                return true;
            }

            private void ReadFile()
            {
                var directory = new global::System.IO.DirectoryInfo(SearchStart);
                while (directory != null)
                {
                    var candidate = global::System.IO.Path.Combine(directory.FullName, FileName);
                    if (global::System.IO.File.Exists(candidate))
                    {
                        FilePath = candidate;
                        DotEnv.Parse(global::System.IO.File.ReadAllText(candidate), File, FileProblems);
                        return;
                    }

                    directory = directory.Parent;
                }
            }
        }

        /// <summary>
        /// Reads the .env format the build writes (and docker compose reads): <c>KEY=value</c> lines,
        /// <c>#</c> comments, blank lines, an optional <c>export</c>, unquoted values cut at <c> #</c> and
        /// trimmed, single-quoted values taken literally and double-quoted values with backslash escapes,
        /// both of which may span lines.
        /// </summary>
        internal static class DotEnv
        {
            internal static void Parse(
                string text,
                global::System.Collections.Generic.Dictionary<string, string> values,
                global::System.Collections.Generic.Dictionary<string, string> problems)
            {
                text = text.Replace("\r\n", "\n");
                var position = 0;
                var line = 1;
                while (position < text.Length)
                {
                    var lineStart = position;
                    var lineNumber = line;
                    var lineEnd = text.IndexOf('\n', position);
                    if (lineEnd < 0)
                    {
                        lineEnd = text.Length;
                    }

                    // By default the next line starts after this one; a quoted value moves it further.
                    position = lineEnd + 1;
                    line++;
                    var content = text.Substring(lineStart, lineEnd - lineStart).TrimStart();
                    if (content.Length == 0 || content[0] == '#')
                    {
                        continue;
                    }

                    if (content.StartsWith("export ", global::System.StringComparison.Ordinal) || content.StartsWith("export\t", global::System.StringComparison.Ordinal))
                    {
                        content = content.Substring("export".Length).TrimStart();
                    }

                    var equals = content.IndexOf('=');
                    if (equals <= 0)
                    {
                        continue;
                    }

                    var key = content.Substring(0, equals).Trim();
                    var valueStart = lineEnd - (content.Length - equals - 1);
                    while (valueStart < lineEnd && (text[valueStart] == ' ' || text[valueStart] == '\t'))
                    {
                        valueStart++;
                    }

                    string/*?*/ value;
                    if (valueStart < lineEnd && (text[valueStart] == '\'' || text[valueStart] == '"'))
                    {
                        int end;
                        value = text[valueStart] == '\''
                            ? ReadSingleQuoted(text, valueStart, out end)
                            : ReadDoubleQuoted(text, valueStart, out end);
                        if (value != null)
                        {
                            // Skip what follows the closing quote on its line (at most a comment).
                            var after = text.IndexOf('\n', end);
                            var next = after < 0 ? text.Length : after + 1;
                            line += Count(text, lineEnd, next);
                            position = next;
                        }
                    }
                    else
                    {
                        value = ReadUnquoted(text.Substring(valueStart, lineEnd - valueStart));
                    }

                    if (value == null)
                    {
                        // Later lines win, as in docker compose; a broken line hides an earlier good one.
                        values.Remove(key);
                        problems[key] = "line " + lineNumber.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " opens a quote it does not close.";
                    }
                    else
                    {
                        problems.Remove(key);
                        values[key] = value;
                    }
                }
            }

            private static int Count(string text, int from, int to)
            {
                var count = 0;
                for (var i = from; i < to && i < text.Length; i++)
                {
                    if (text[i] == '\n')
                    {
                        count++;
                    }
                }

                return count > 0 ? count - 1 : 0;
            }

            /// <summary>Unquoted: a '#' after whitespace starts a comment; surrounding whitespace is not part of the value.</summary>
            private static string ReadUnquoted(string raw)
            {
                for (var i = 1; i < raw.Length; i++)
                {
                    if (raw[i] == '#' && (raw[i - 1] == ' ' || raw[i - 1] == '\t'))
                    {
                        raw = raw.Substring(0, i);
                        break;
                    }
                }

                return raw.Trim();
            }

            /// <summary>Everything up to the closing quote, taken literally; null when there is none.</summary>
            private static string/*?*/ ReadSingleQuoted(string text, int open, out int end)
            {
                var close = text.IndexOf('\'', open + 1);
                end = close + 1;
                return close < 0 ? null : text.Substring(open + 1, close - open - 1);
            }

            /// <summary>Up to the closing unescaped quote, with backslash escapes; null when there is none.</summary>
            private static string/*?*/ ReadDoubleQuoted(string text, int open, out int end)
            {
                var value = new global::System.Text.StringBuilder();
                for (var i = open + 1; i < text.Length; i++)
                {
                    var c = text[i];
                    if (c == '"')
                    {
                        end = i + 1;
                        return value.ToString();
                    }

                    if (c == '\\' && i + 1 < text.Length)
                    {
                        i++;
                        switch (text[i])
                        {
                            case 'n': value.Append('\n'); break;
                            case 'r': value.Append('\r'); break;
                            case 't': value.Append('\t'); break;
                            case '"': value.Append('"'); break;
                            case '\\': value.Append('\\'); break;
                            case '$': value.Append('$'); break;
                            default: value.Append('\\').Append(text[i]); break;
                        }

                        continue;
                    }

                    value.Append(c);
                }

                end = text.Length;
                return null;
            }
        }
    }
}
""";
}
