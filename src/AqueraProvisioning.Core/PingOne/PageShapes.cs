using System;

namespace AqueraProvisioning.Core;

/// <summary>The shapes a collection's answer may take; most PingOne collections are HAL only.</summary>
[Flags]
internal enum PageShapes
{
    /// <summary><c>{"_embedded":{"&lt;name&gt;":[...]},"_links":{"next":{"href":...}}}</c>, paged by the next link.</summary>
    Hal = 1,

    /// <summary><c>{"items":[...]}</c>, one page.</summary>
    Items = 2,

    /// <summary>A bare JSON array, one page.</summary>
    Array = 4,

    /// <summary>Whichever of the three comes (the rules list is documented in all of them).</summary>
    Any = Hal | Items | Array,
}
