using System.Text.Json.Serialization;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Compile-time System.Text.Json metadata for the two committed files. Reflection-based
/// serialization builds the same metadata at run time on first use, which every build pays for
/// in a fresh process; the produced and accepted JSON is the same. The formatting options are
/// given where the files are read (<see cref="StoreFileReader"/>) and written (<see cref="StoreSerializer"/>).
/// </summary>
[JsonSerializable(typeof(StoreDocument))]
[JsonSerializable(typeof(MetadataDocument))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
