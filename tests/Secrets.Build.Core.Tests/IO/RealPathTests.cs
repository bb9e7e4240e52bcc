using Secrets.Build.Core.IO;

namespace Secrets.Build.Core.Tests.IO;

public sealed class RealPathTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Real => RealPath.Of(_dir.Path);

    [UnixFact]
    public void Resolves_links_anywhere_in_the_path_relative_targets_and_chains_and_keeps_missing_parts()
    {
        Directory.CreateDirectory(_dir.Combine("a", "b"));
        Directory.CreateSymbolicLink(_dir.Combine("relative"), Path.Combine("a", "b"));
        Directory.CreateSymbolicLink(_dir.Combine("chain"), _dir.Combine("relative"));

        Assert.Equal(Path.Combine(Real, "a", "b"), RealPath.Of(_dir.Combine("relative")));
        Assert.Equal(Path.Combine(Real, "a", "b", "not", "yet"), RealPath.Of(_dir.Combine("chain", "not", "yet")));
    }

    [UnixFact]
    public void A_cycle_of_links_is_an_IOException()
    {
        Directory.CreateSymbolicLink(_dir.Combine("one"), _dir.Combine("two"));
        Directory.CreateSymbolicLink(_dir.Combine("two"), _dir.Combine("one"));

        Assert.Throws<IOException>(() => RealPath.Of(_dir.Combine("one", "inside")));
    }
}
