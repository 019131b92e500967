using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AqueraProvisioning.Core.Tests.Support;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Unit;

/// <summary>
/// The session's one record of what it has learnt about its tenant: a choice says so in Verbose exactly when it
/// changes, a path choice can be switched back, and what was learnt is listed.
/// </summary>
public class TenantChoicesTests
{
    private readonly RecordingLog _log = new();

    [Fact]
    public void Adopting_a_choice_twice_says_so_once_and_lists_it()
    {
        var choices = new TenantChoices();
        var context = new OperationContext(_log);

        choices.Adopt("b", context, "learnt b");
        choices.Adopt("b", context, "learnt b again");
        choices.Adopt("a", context, "learnt a");

        Assert.Equal(new[] { "learnt b", "learnt a" }, _log.VerboseLines);
        Assert.Equal(new[] { "a", "b" }, choices.Adopted);
        Assert.True(choices.Has("a"));
    }

    [Fact]
    public void A_choice_switched_back_is_out_of_effect_and_says_so_only_when_it_changes()
    {
        var choices = new TenantChoices();
        var context = new OperationContext(_log);

        choices.Set("flat", false, context, "already off");
        choices.Set("flat", true, context, "now flat");
        choices.Set("flat", false, context, "back to the plan's path");
        choices.Set("flat", false, context, "still on the plan's path");

        Assert.Equal(new[] { "now flat", "back to the plan's path" }, _log.VerboseLines);
        Assert.False(choices.Has("flat"));
        Assert.Empty(choices.Adopted);
    }

    [Fact]
    public async Task Racing_adopters_write_one_verbose_line()
    {
        var choices = new TenantChoices();
        var context = new OperationContext(_log);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => choices.Adopt("keys", context, "learnt keys"))));

        Assert.Single(_log.VerboseLines, l => l == "learnt keys");
    }
}
