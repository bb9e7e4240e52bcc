using System.Reflection;
using Secrets.Build.Core.Kms;

namespace Secrets.Build.Core.Tests.Kms;

/// <summary>
/// The runtime loads the AWS SDK when it first needs one of its types. Only
/// <see cref="AwsKmsKeyWrapProvider"/> may name one, so a build without KMS never loads it.
/// </summary>
public sealed class AwsTypeIsolationTests
{
    [Fact]
    public void No_core_type_but_the_aws_provider_names_an_aws_type_in_its_signatures()
    {
        var core = typeof(IKeyWrapProvider).Assembly;
        var offenders =
            from type in core.GetTypes()
            where !IsPartOfProvider(type)
            from used in UsedTypes(type)
            where IsAws(used)
            select $"{type.FullName} uses {used.FullName}";

        // The check sees an AWS type where there is one: the provider's own client field.
        Assert.Contains(UsedTypes(typeof(AwsKmsKeyWrapProvider)), IsAws);
        // Method bodies are not read here; the next test keeps AWS namespaces out of other files.
        Assert.Empty(offenders.Distinct());
    }

    [Fact]
    public void The_provider_is_the_only_core_source_that_imports_an_aws_namespace()
    {
        var core = Path.Combine(TestPaths.RepositoryRoot, "src", "Secrets.Build.Core");
        var importing =
            from file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            where !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            where File.ReadLines(file).Any(line => line.Contains("Amazon.", StringComparison.Ordinal) && !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            select Path.GetFileName(file);

        Assert.Equal(["AwsKmsKeyWrapProvider.Errors.cs", "AwsKmsKeyWrapProvider.cs"], importing.Order(StringComparer.Ordinal));
    }

    private static bool IsPartOfProvider(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t == typeof(AwsKmsKeyWrapProvider))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAws(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("AWSSDK", StringComparison.Ordinal) == true
        || (type.IsGenericType && type.GetGenericArguments().Any(IsAws))
        || (type.HasElementType && IsAws(type.GetElementType()!));

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var implemented in type.GetInterfaces())
        {
            yield return implemented;
        }

        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(all))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }
    }
}
