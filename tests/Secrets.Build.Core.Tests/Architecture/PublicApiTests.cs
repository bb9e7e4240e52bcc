using System.Reflection;

namespace Secrets.Build.Core.Tests.Architecture;

/// <summary>
/// Core's public API is what a user of <see cref="SecretsManager"/> needs: its methods, their
/// options and results, and the types those expose. Anything else public would be a promise the
/// library package makes for no caller; the tasks, the tool and the tests see internals.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Every_public_type_is_reached_from_SecretsManager()
    {
        var assembly = typeof(SecretsManager).Assembly;
        var reached = Reachable(typeof(SecretsManager));

        var unreached = assembly.GetExportedTypes()
            .Where(t => !reached.Contains(t))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(unreached.Count == 0,
            $"{unreached.Count} public type(s) no SecretsManager method takes or returns; make them internal:\n"
            + string.Join("\n", unreached));
    }

    [Fact]
    public void Every_operation_is_synchronous_and_returns_an_OperationResult()
    {
        var manager = typeof(SecretsManager).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);

        Assert.NotEmpty(manager);
        Assert.All(manager.Where(m => !m.IsSpecialName), m =>
        {
            Assert.True(typeof(Workspace.OperationResult).IsAssignableFrom(m.ReturnType), $"{m.Name} returns {m.ReturnType.Name}, not an OperationResult");
            Assert.False(typeof(Task).IsAssignableFrom(m.ReturnType), $"{m.Name} is asynchronous over synchronous work");
        });
    }

    /// <summary>Types reached from <paramref name="root"/> through public members, base types, generic arguments and element types.</summary>
    private static HashSet<Type> Reachable(Type root)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var core = root.Assembly;
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            foreach (var part in Parts(type).Where(t => t.Assembly == core && seen.Add(t)))
            {
                foreach (var member in part.GetMembers(Public))
                {
                    foreach (var used in member switch
                    {
                        PropertyInfo p => [p.PropertyType],
                        FieldInfo f => [f.FieldType],
                        MethodInfo m => m.GetParameters().Select(x => x.ParameterType).Append(m.ReturnType),
                        ConstructorInfo c => c.GetParameters().Select(x => x.ParameterType),
                        Type nested => [nested],
                        _ => Array.Empty<Type>(),
                    })
                    {
                        pending.Push(used);
                    }
                }

                if (part.BaseType is { } baseType)
                {
                    pending.Push(baseType);
                }
            }
        }

        return seen;
    }

    /// <summary>The type itself, its element type and its generic arguments, all the way down.</summary>
    private static IEnumerable<Type> Parts(Type type)
    {
        if (type.HasElementType)
        {
            return Parts(type.GetElementType()!);
        }

        var own = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return type.GetGenericArguments().SelectMany(Parts).Prepend(own);
    }
}
