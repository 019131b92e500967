using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The control API's words for an enum knob, one per value in the enum's order, so the words and the values cannot
/// drift apart; matching ignores case.
/// </summary>
/// <typeparam name="TEnum">The knob's enum.</typeparam>
internal sealed class KnobWords<TEnum>
    where TEnum : struct, Enum
{
    private readonly TEnum[] values = Enum.GetValues<TEnum>();

    public KnobWords(params string[] words)
    {
        if (words.Length != values.Length)
        {
            throw new ArgumentException($"{typeof(TEnum).Name} has {values.Length} values but {words.Length} words.", nameof(words));
        }

        Words = words;
    }

    public string[] Words { get; }

    public string Of(TEnum value) => Words[Array.IndexOf(values, value)];

    public bool TryParse(string? text, out TEnum value)
    {
        int index = Array.FindIndex(Words, word => string.Equals(word, text, StringComparison.OrdinalIgnoreCase));
        value = index < 0 ? default : values[index];
        return index >= 0;
    }
}
