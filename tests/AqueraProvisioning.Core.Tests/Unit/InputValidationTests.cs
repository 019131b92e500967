using System;
using Xunit;
using static AqueraProvisioning.Core.Tests.Support.Secure;

namespace AqueraProvisioning.Core.Tests.Unit;

public class InputValidationTests
{
    private const string EnvId = "5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11";

    [Theory]
    [InlineData("HR Aquera", "HR Aquera")]
    [InlineData("  padded  ", "padded")]
    [InlineData("ünïcødé – name", "ünïcødé – name")]
    public void Names_are_trimmed_and_kept(string given, string expected)
    {
        Assert.Equal(expected, AqueraInput.RequireName(given));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    public void Empty_or_whitespace_names_are_refused(string? given)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => AqueraInput.RequireName(given));

        Assert.Equal(ErrorIds.InvalidName, ex.ErrorId);
        Assert.Equal("Name", ex.Field);
    }

    [Fact]
    public void A_name_at_the_limit_is_accepted_and_one_over_is_refused()
    {
        Assert.Equal(AqueraInput.MaxNameLength, AqueraInput.RequireName(new string('n', AqueraInput.MaxNameLength)).Length);

        var ex = Assert.Throws<AqueraValidationException>(() => AqueraInput.RequireName(new string('n', AqueraInput.MaxNameLength + 1)));

        Assert.Equal(ErrorIds.InvalidName, ex.ErrorId);
        Assert.Contains("257", ex.Message, StringComparison.Ordinal);
        Assert.Contains("256", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptions_up_to_the_limit_pass_and_longer_ones_are_refused()
    {
        Assert.Null(AqueraInput.CheckDescription(null));
        Assert.Equal(string.Empty, AqueraInput.CheckDescription(string.Empty));
        Assert.Equal(AqueraInput.MaxDescriptionLength, AqueraInput.CheckDescription(new string('d', AqueraInput.MaxDescriptionLength))!.Length);

        var ex = Assert.Throws<AqueraValidationException>(() => AqueraInput.CheckDescription(new string('d', AqueraInput.MaxDescriptionLength + 1)));

        Assert.Equal(ErrorIds.InvalidDescription, ex.ErrorId);
        Assert.Equal("Description", ex.Field);
    }

    [Fact]
    public void Drafts_and_changes_apply_the_same_name_and_description_rules()
    {
        var credential = AqueraCredential.Bearer(From("t"));

        Assert.Equal(ErrorIds.InvalidName, Assert.Throws<AqueraValidationException>(() => new AqueraConnectionDraft("  ", "https://a.example.test/scim", credential)).ErrorId);
        Assert.Equal(ErrorIds.InvalidName, Assert.Throws<AqueraValidationException>(() => new AqueraConnectionChanges { Name = "" }).ErrorId);
        Assert.Equal(ErrorIds.InvalidDescription, Assert.Throws<AqueraValidationException>(() => new AqueraConnectionChanges { Description = new string('x', 1025) }).ErrorId);
        Assert.Equal("trimmed", new AqueraConnectionChanges { Name = " trimmed " }.Name);
        Assert.Equal("trimmed", new AqueraConnectionDraft(" trimmed ", "https://a.example.test/scim", credential).Name);
    }

    [Theory]
    [InlineData("5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11", "5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11")]
    [InlineData("5E1D8A6C-2F0B-4F4E-9A53-0D6F5E0B7C11", "5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11")]
    [InlineData(" 5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11 ", "5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11")]
    public void Ids_are_uuids_in_canonical_form(string given, string expected)
    {
        Assert.Equal(expected, AqueraInput.RequireId(given, "Id"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("5e1d8a6c2f0b4f4e9a530d6f5e0b7c11")]
    [InlineData("{5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11}")]
    [InlineData("5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c1")]
    [InlineData("../../environments")]
    public void Malformed_ids_are_refused_naming_the_parameter(string? given)
    {
        var ex = Assert.Throws<AqueraValidationException>(() => AqueraInput.RequireId(given, "EnvironmentId"));

        Assert.Equal(ErrorIds.InvalidId, ex.ErrorId);
        Assert.Equal("EnvironmentId", ex.Field);
    }

    [Fact]
    public void A_very_long_bad_id_is_shortened_in_the_message()
    {
        string junk = new string('z', 500);

        var ex = Assert.Throws<AqueraValidationException>(() => AqueraInput.RequireId(junk, "Id"));

        Assert.DoesNotContain(junk, ex.Message, StringComparison.Ordinal);
        Assert.Contains("...", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Session_settings_check_ids_and_the_secret()
    {
        PingOneEndpoints endpoints = PingOneEndpoints.ForRegion(PingOneRegion.NA);

        Assert.Equal("EnvironmentId", Assert.Throws<AqueraValidationException>(() => new PingOneSessionSettings("env", EnvId, From("s"), endpoints)).Field);
        Assert.Equal("ClientId", Assert.Throws<AqueraValidationException>(() => new PingOneSessionSettings(EnvId, "client", From("s"), endpoints)).Field);
        var secret = Assert.Throws<AqueraValidationException>(() => new PingOneSessionSettings(EnvId, EnvId, From("   "), endpoints));
        Assert.Equal(ErrorIds.InvalidCredential, secret.ErrorId);
        Assert.Equal("ClientSecret", secret.Field);
    }

    [Fact]
    public void Session_rejects_a_page_size_out_of_range()
    {
        var settings = new PingOneSessionSettings(EnvId, EnvId, From("s"), PingOneEndpoints.ForRegion(PingOneRegion.NA)) { PageSize = 0 };

        var ex = Assert.Throws<AqueraValidationException>(() => new PingOneSession(settings));

        Assert.Equal(ErrorIds.InvalidSetting, ex.ErrorId);
        Assert.Equal("PageSize", ex.Field);
        settings.PageSize = 1001;
        Assert.Equal("PageSize", Assert.Throws<AqueraValidationException>(() => new PingOneSession(settings)).Field);
    }

    [Fact]
    public void Credentials_refuse_blank_secrets_and_users()
    {
        Assert.Equal(ErrorIds.InvalidCredential, Assert.Throws<AqueraValidationException>(() => AqueraCredential.Bearer(From(""))).ErrorId);
        Assert.Equal(ErrorIds.InvalidCredential, Assert.Throws<AqueraValidationException>(() => AqueraCredential.Bearer(From("  "))).ErrorId);
        Assert.Equal(ErrorIds.InvalidCredential, Assert.Throws<AqueraValidationException>(() => AqueraCredential.Basic(" ", From("pw"))).ErrorId);
        Assert.Equal(ErrorIds.InvalidCredential, Assert.Throws<AqueraValidationException>(() => AqueraCredential.Basic("user", From(""))).ErrorId);
        Assert.Equal("user", AqueraCredential.Basic(" user ", From("pw")).UserName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Transaction_ids_must_not_be_blank(string id)
    {
        Assert.Equal(ErrorIds.InvalidSetting, Assert.Throws<AqueraValidationException>(() => new OperationContext(null, id)).ErrorId);
    }

    [Fact]
    public void Transaction_ids_are_at_most_100_characters_and_new_ones_are_unique()
    {
        Assert.Equal(100, new OperationContext(null, new string('t', 100)).TransactionId.Length);
        Assert.Throws<AqueraValidationException>(() => new OperationContext(null, new string('t', 101)));

        var a = new OperationContext(null);
        var b = new OperationContext(null);
        Assert.NotEqual(a.TransactionId, b.TransactionId);
        Assert.InRange(a.TransactionId.Length, 1, 100);
        Assert.Same(NullOperationLog.Instance, a.Log);
    }
}
