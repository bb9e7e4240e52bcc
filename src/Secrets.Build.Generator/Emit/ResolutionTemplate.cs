namespace Secrets.Build.Generator.Emit;

/// <summary>
/// How AppSecrets finds a value: the process environment first, else the <c>.env.&lt;environment&gt;</c>
/// file found upward from the base directory, then from the current directory, then in the workspace
/// the build recorded; the environment from SECRETS_ENVIRONMENT, the .NET hosting variables or the build; read once, thread-safely; converted to the secret's
/// type; every failure explained without the value. <c>/*?*/</c> marks a nullable annotation.
/// </summary>
internal static class ResolutionTemplate
{
    public const string Text = """
static partial class AppSecrets
{
    /// <summary>Reads the environment once, thread-safely, and converts values to their types.</summary>
    private static partial class SecretsRuntime
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

        /// <summary>The suffix of the variable that holds a secret's value before its last rotation.</summary>
        internal const string PreviousSuffix = "__PREVIOUS";

        /// <summary>
        /// The value before the last rotation (NAME__PREVIOUS), written by the build during the
        /// rotation's grace period; null when there is none or it does not read as the secret's type.
        /// </summary>
        internal static object/*?*/ ReadPrevious(SecretDescriptor descriptor)
        {
            var current = Current;
            var name = descriptor.Name + PreviousSuffix;
            string/*?*/ text;
            if (!current.Variables.TryGetValue(name, out text) && !current.File.TryGetValue(name, out text))
            {
                return null;
            }

            return text == null ? null : Convert(descriptor, text);
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

            if (text.Length == 0)
            {
                // NAME= is how the build writes an external secret nobody supplied yet: say that,
                // not "is not a valid string".
                return new Resolution(source, 0, null, Empty(descriptor, source, current));
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

        private static string Empty(SecretDescriptor descriptor, string/*?*/ source, Snapshot current)
        {
            var fix = descriptor.IsExternal
                ? "it is supplied by you (external): set the environment variable " + descriptor.Name + " and build again, so the build captures it into the " + current.Environment + " secrets."
                : "run 'dotnet build' to provision the " + current.Environment + " secrets, or set the environment variable " + descriptor.Name + ".";
            return "Secret " + descriptor.Name + " (" + descriptor.TypeName + ") is empty in " + Describe(source) +
                " (environment '" + current.Environment + "'). Fix: " + fix;
        }

        private static string Missing(SecretDescriptor descriptor, Snapshot current)
        {
            var looked = current.FilePath == null
                ? "no " + current.FileName + " file in any folder looked in: " + string.Join(", ", current.SearchedFolders)
                : "'" + current.FilePath + "' has no " + descriptor.Name + " line";
            if (current.EnvironmentProblem != null)
            {
                looked = current.EnvironmentProblem;
            }

            var fix = descriptor.IsExternal
                ? "it is supplied by you (external): set the environment variable " + descriptor.Name + ", or add it to the " + current.Environment + " secrets and build again."
                : "run 'dotnet build' to provision the " + current.Environment + " secrets, or set the environment variable " + descriptor.Name + ".";
            return "Secret " + descriptor.Name + " (" + descriptor.TypeName + ") is not set for environment '" + current.Environment +
                "' (" + current.EnvironmentOrigin + "): no environment variable " + descriptor.Name + ", and " + looked + ". Fix: " + fix;
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
                // An empty line (NAME=) is how the build writes an external secret nobody has set yet.
                return text.Length == 0 ? null : text;
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
            /// <summary>Names the build's workspace folder, beside the assembly (see <see cref="WorkspacePointer"/>).</summary>
            private const string WorkspacePointerExtension = ".secrets-workspace";

            private Snapshot(string environment, string environmentOrigin, string/*?*/ environmentProblem)
            {
                Environment = environment;
                EnvironmentOrigin = environmentOrigin;
                EnvironmentProblem = environmentProblem;
                FileName = ".env." + environment;
                Variables = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal);
                File = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal);
                FileProblems = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal);
                SearchedFolders = new global::System.Collections.Generic.List<string>();
            }

            internal string Environment { get; }

            /// <summary>Which variable (or the build) chose <see cref="Environment"/>, for messages.</summary>
            internal string EnvironmentOrigin { get; }

            internal string/*?*/ EnvironmentProblem { get; }

            internal string FileName { get; }

            internal string/*?*/ FilePath { get; private set; }

            /// <summary>Every folder the .env file was looked for in, in order, so a miss can list them.</summary>
            internal global::System.Collections.Generic.List<string> SearchedFolders { get; }

            internal global::System.Collections.Generic.Dictionary<string, string> Variables { get; }

            internal global::System.Collections.Generic.Dictionary<string, string> File { get; }

            internal global::System.Collections.Generic.Dictionary<string, string> FileProblems { get; }

            internal static Snapshot Load()
            {
                string origin;
                var environment = SelectEnvironment(out origin);
                string/*?*/ environmentProblem = null;
                if (!IsEnvironmentName(environment))
                {
                    environmentProblem = EnvironmentVariable + " is not a valid environment name (use letters, digits, '-', '_' or '.'), so no .env file was read";
                }

                var snapshot = new Snapshot(environment, origin, environmentProblem);
                foreach (var descriptor in Descriptors)
                {
                    // An empty variable counts as unset: compose writes NAME= for a variable it could not fill.
                    foreach (var name in new[] { descriptor.Name, descriptor.Name + PreviousSuffix })
                    {
                        var value = global::System.Environment.GetEnvironmentVariable(name);
                        if (value != null && value.Length > 0)
                        {
                            snapshot.Variables[name] = value;
                        }
                    }
                }

                if (environmentProblem == null)
                {
                    snapshot.ReadFile();
                }

                return snapshot;
            }

            /// <summary>
            /// SECRETS_ENVIRONMENT when set; else ASPNETCORE_ENVIRONMENT, then DOTNET_ENVIRONMENT (the order
            /// ASP.NET Core reads them in), when it names one of the schema's environments; else the build's.
            /// </summary>
            private static string SelectEnvironment(out string origin)
            {
                var requested = global::System.Environment.GetEnvironmentVariable(EnvironmentVariable);
                if (requested != null && requested.Trim().Length > 0)
                {
                    origin = "from " + EnvironmentVariable;
                    return requested.Trim().ToLowerInvariant();
                }

                foreach (var variable in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
                {
                    var hosting = global::System.Environment.GetEnvironmentVariable(variable);
                    if (hosting == null || hosting.Trim().Length == 0)
                    {
                        continue;
                    }

                    var mapped = MapHostingEnvironment(hosting.Trim());
                    if (mapped != null)
                    {
                        origin = "from " + variable + "=" + hosting.Trim();
                        return mapped;
                    }
                }

                origin = "the build's environment";
                return BuildEnvironment;
            }

            /// <summary>
            /// A .NET hosting environment name as the schema spells it: the same name in any case
            /// (Production is production), or the schema's short form of the three standard ones
            /// (Production is prod); null when the schema declares neither.
            /// </summary>
            private static string/*?*/ MapHostingEnvironment(string name)
            {
                var lower = name.ToLowerInvariant();
                var candidates = lower == "development" ? new[] { lower, "dev", "local" }
                    : lower == "staging" ? new[] { lower, "stage", "stg" }
                    : lower == "production" ? new[] { lower, "prod", "prd" }
                    : new[] { lower };
                foreach (var candidate in candidates)
                {
                    if (global::System.Array.IndexOf(DeclaredEnvironments, candidate) >= 0)
                    {
                        return candidate;
                    }
                }

                return null;
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

            /// <summary>
            /// Looks in the application's base directory and each folder above it, then the current
            /// directory and each folder above it, then the workspace the build recorded beside the
            /// assembly: a test project in a sibling folder has the app's assembly, and that record,
            /// in its own output folder, but none of the app's folders above it.
            /// </summary>
            private void ReadFile()
            {
                foreach (var folder in Candidates())
                {
                    if (SearchedFolders.Contains(folder))
                    {
                        continue;
                    }

                    SearchedFolders.Add(folder);
                    var candidate = global::System.IO.Path.Combine(folder, FileName);
                    if (global::System.IO.File.Exists(candidate))
                    {
                        FilePath = candidate;
                        DotEnv.Parse(global::System.IO.File.ReadAllText(candidate), File, FileProblems);
                        return;
                    }
                }
            }

            private static global::System.Collections.Generic.IEnumerable<string> Candidates()
            {
                foreach (var start in new[] { global::System.AppContext.BaseDirectory, global::System.IO.Directory.GetCurrentDirectory() })
                {
                    var directory = new global::System.IO.DirectoryInfo(start);
                    while (directory != null)
                    {
                        yield return WithoutTrailingSeparator(directory.FullName);
                        directory = directory.Parent;
                    }
                }

                var workspace = WorkspacePointer();
                if (workspace != null)
                {
                    yield return workspace;
                }
            }

            /// <summary>
            /// The workspace folder the build wrote into <c>&lt;assembly&gt;.secrets-workspace</c>, which is
            /// copied to the output folder of every project that references this one (never published);
            /// null when there is none.
            /// </summary>
            private static string/*?*/ WorkspacePointer()
            {
                var assembly = typeof(AppSecrets).Assembly.GetName().Name;
                var pointer = global::System.IO.Path.Combine(global::System.AppContext.BaseDirectory, assembly + WorkspacePointerExtension);
                if (!global::System.IO.File.Exists(pointer))
                {
                    return null;
                }

                var folder = global::System.IO.File.ReadAllText(pointer).Trim();
                return folder.Length > 0 && global::System.IO.Path.IsPathRooted(folder)
                    ? WithoutTrailingSeparator(global::System.IO.Path.GetFullPath(folder))
                    : null;
            }

            /// <summary>One spelling per folder (the base directory ends in a separator, its parents do not); a root keeps its own.</summary>
            private static string WithoutTrailingSeparator(string folder)
            {
                var root = global::System.IO.Path.GetPathRoot(folder) ?? string.Empty;
                var trimmed = folder.TrimEnd(global::System.IO.Path.DirectorySeparatorChar, global::System.IO.Path.AltDirectorySeparatorChar);
                return trimmed.Length < root.Length ? root : trimmed;
            }
        }
    }
}
""";
}
