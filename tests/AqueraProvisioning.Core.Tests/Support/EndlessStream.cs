using System;
using System.IO;
using System.Threading;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>
/// A body that never ends (a space, over and over, at most <see cref="Chunk"/> bytes a read) and counts what was read
/// of it, so a test can prove a client stopped early, or never started.
/// </summary>
internal sealed class EndlessStream : Stream
{
    public const int Chunk = 64 * 1024;

    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(count, Chunk);
        buffer.AsSpan(offset, n).Fill((byte)' ');
        Interlocked.Add(ref _read, n);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
