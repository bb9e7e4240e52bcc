using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Tests.Keys;

public sealed class NoClobberPublishTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Moves_to_a_free_name_and_removes_the_temp_name()
    {
        var source = temp.Combine("a.tmp");
        var target = temp.Combine("a.key");
        File.WriteAllText(source, "new");

        NoClobberPublish.Move(source, target);

        Assert.Equal("new", File.ReadAllText(target));
        Assert.False(File.Exists(source));
    }

    [Fact]
    public void Refuses_an_existing_name_and_leaves_it_untouched()
    {
        var source = temp.Combine("b.tmp");
        var target = temp.Combine("b.key");
        File.WriteAllText(source, "new");
        File.WriteAllText(target, "old");

        Assert.ThrowsAny<IOException>(() => NoClobberPublish.Move(source, target));

        Assert.Equal("old", File.ReadAllText(target));
        Assert.True(File.Exists(source));
    }

    [Fact]
    public void Of_many_racing_writers_exactly_one_wins()
    {
        // A smoke test: the race File.Move's check-then-rename loses is rare (it took up to 2000
        // rounds to show on a 2-core machine, too slow for every run); link(2) rules it out by design.
        for (var round = 0; round < 100; round++)
        {
            var target = temp.Combine($"race-{round}.key");
            var sources = Enumerable.Range(0, 6).Select(i => temp.Combine($"race-{round}-{i}.tmp")).ToArray();
            for (var i = 0; i < sources.Length; i++)
            {
                File.WriteAllText(sources[i], i.ToString());
            }

            var winners = new bool[sources.Length];
            Parallel.For(0, sources.Length, i =>
            {
                try
                {
                    NoClobberPublish.Move(sources[i], target);
                    winners[i] = true;
                }
                catch (IOException)
                {
                    // Lost the race, as all but one must.
                }
            });

            var winner = Assert.Single(Enumerable.Range(0, sources.Length), i => winners[i]);
            Assert.Equal(winner.ToString(), File.ReadAllText(target));
        }
    }
}
