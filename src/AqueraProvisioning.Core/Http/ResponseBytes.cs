using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// A whole response body in a pooled buffer, read under a cancellation token, so a body that stalls can be stopped
/// and a page can be parsed in one pass without a copy per page staying behind. A body over
/// <see cref="ResponseLimits.MaxBodyBytes"/> is refused by its Content-Length before a byte is read, or stopped as
/// soon as it passes the limit.
/// </summary>
internal sealed class ResponseBytes : IDisposable
{
    // Without a Content-Length the buffer starts here and doubles; with one it is that size plus the byte that
    // lets the read after the last one see the end without growing the buffer.
    private const int FirstChunk = 16 * 1024;

    private byte[] _buffer;

    private ResponseBytes(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => new ReadOnlySpan<byte>(_buffer, 0, Length);

    /// <summary>The same bytes, for a reader that keeps them while it works; valid only until disposed.</summary>
    public ReadOnlyMemory<byte> Memory => new ReadOnlyMemory<byte>(_buffer, 0, Length);

    /// <exception cref="ResponseTooLargeException">The body is larger than the limit.</exception>
    public static async Task<ResponseBytes> ReadAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null || content.Headers.ContentLength == 0)
        {
            return new ResponseBytes(Array.Empty<byte>(), 0);
        }

        long? declared = content.Headers.ContentLength;
        if (declared > ResponseLimits.MaxBodyBytes)
        {
            throw new ResponseTooLargeException(declared);
        }

        using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(declared is long size && size > 0 ? (int)size + 1 : FirstChunk);
        int length = 0;
        try
        {
            while (true)
            {
                if (length > ResponseLimits.MaxBodyBytes)
                {
                    throw new ResponseTooLargeException(null);
                }

                if (length == buffer.Length)
                {
                    // One byte past the limit is enough to know a body is too large.
                    byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, ResponseLimits.MaxBodyBytes + 1));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ResponseBytes(buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>True when the body holds nothing but white space.</summary>
    public bool IsBlank()
    {
        foreach (byte b in Span)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = Array.Empty<byte>();
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
