using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Secrets.Build.Generator.Emit;
using Secrets.Build.Generator.Model;

namespace Secrets.Build.Generator.Tests.Support;

/// <summary>
/// The emitted AppSecrets, compiled for this runtime and loaded into its own collectible load
/// context, so each test starts with statics that have read nothing yet.
/// </summary>
internal sealed class LoadedAppSecrets : IDisposable
{
    /// <summary>The assembly the emitted code is compiled into; the build's workspace record is named after it.</summary>
    public const string AssemblyName = "Contoso.Shop";

    // One compilation per model per test run: compiling is the slow part.
    private static readonly ConcurrentDictionary<AppSecretsModel, Lazy<byte[]>> Images = new();

    private readonly AssemblyLoadContext context;
    private readonly Type appSecrets;

    public LoadedAppSecrets(AppSecretsModel? model = null)
    {
        var image = Images.GetOrAdd(model ?? TestModels.Sample(), key => new Lazy<byte[]>(() => Compile(key))).Value;
        context = new AssemblyLoadContext("AppSecrets-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        Assembly = context.LoadFromStream(new MemoryStream(image));
        appSecrets = Assembly.GetType("Contoso.Shop.AppSecrets", throwOnError: true)!;
    }

    public Assembly Assembly { get; }

    public object? Get(string property)
    {
        try
        {
            return appSecrets.GetProperty(property, BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>A property of the nested <c>AppSecrets.Previous</c> class.</summary>
    public object? GetPrevious(string property)
    {
        var previous = appSecrets.GetNestedType("Previous", BindingFlags.Public)!;
        try
        {
            return previous.GetProperty(property, BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    public object? Constant(string field) =>
        appSecrets.GetField(field, BindingFlags.Public | BindingFlags.Static)!.GetValue(null);

    public object? Call(string method)
    {
        try
        {
            return appSecrets.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>Calls <c>Validate()</c> and returns the exception it throws, or null.</summary>
    public InvalidOperationException? ValidationFailure()
    {
        try
        {
            Call("Validate");
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    public IReadOnlyList<string> SecretNamesOf(Exception exception) =>
        (IReadOnlyList<string>)exception.GetType().GetProperty("SecretNames")!.GetValue(exception)!;

    public void Dispose() => context.Unload();

    private static byte[] Compile(AppSecretsModel model)
    {
        var sources = AppSecretsEmitter
            .Emit(new EmitInput(model, new EmitOptions(NullableAnnotations: true, ConfigurationExtension: true)))
            .Select(f => f.Source);
        return Compiler.Emit(Compiler.Create(sources, ReferenceSets.Runtime, assemblyName: AssemblyName));
    }
}
