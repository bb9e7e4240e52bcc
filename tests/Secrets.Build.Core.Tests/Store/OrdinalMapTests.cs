using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>The store's name map enumerates in ordinal order however its names arrive.</summary>
public sealed class OrdinalMapTests
{
    [Fact]
    public void Names_added_out_of_order_enumerate_in_ordinal_order()
    {
        string[] arrival = ["b", "API_KEY", "a", "_x", "Z", "Ä", "A_KEY"];
        var map = new OrdinalMap<string>();
        foreach (var name in arrival)
        {
            map[name] = name.ToLowerInvariant();
        }

        var expected = arrival.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, map.Names);
        var walked = new List<string>();
        foreach (var (name, value) in map)
        {
            Assert.Equal(name.ToLowerInvariant(), value);
            walked.Add(name);
        }

        Assert.Equal(expected, walked);
    }

    [Fact]
    public void Setting_a_name_again_replaces_its_value_without_a_second_entry()
    {
        var map = new OrdinalMap<string> { ["B"] = "1", ["A"] = "2" };

        map["B"] = "3";

        Assert.Equal(2, map.Count);
        Assert.Equal(["A", "B"], map.Names);
        Assert.Equal("3", map["B"]);
        Assert.False(map.TryAdd("A", "4"));
        Assert.Equal("2", map["A"]);
    }
}
