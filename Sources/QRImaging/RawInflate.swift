internal import CInflate

/// Inflates a zip entry's raw deflate data into exactly the size the zip declares, with zlib in one call.
///
/// An inflate loop that feeds input until the stream ends reads on past an entry's data, and never ends when a
/// deflate stream is cut short (the `zip` fuzz target hung `certify` for good with a 72 KB submission that way); here
/// a stream that ends early, runs long or is damaged is an answer, never a hang.
public enum RawInflate {
    /// The unpacked bytes, or why the stream is not `size` bytes of valid deflate data.
    public static func inflate(_ input: ArraySlice<UInt8>, size: Int) -> Result<[UInt8], Failure> {
        guard size >= 0, size < Int(UInt32.max), input.count < Int(UInt32.max) else { return .failure(.tooLarge) }
        var stream = z_stream()
        guard qrc_inflate_init_raw(&stream) == Z_OK else { return .failure(.zlib("cannot start zlib")) }
        defer { inflateEnd(&stream) }
        // One spare byte shows a stream that unpacks to more than declared.
        var output = [UInt8](repeating: 0, count: size + 1)
        var bytes = Array(input)
        let status = bytes.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                return CInflate.inflate(&stream, Z_FINISH)
            }
        }
        let produced = output.count - Int(stream.avail_out)
        switch status {
        case _ where produced > size: return .failure(.longer)
        case Z_STREAM_END where produced < size: return .failure(.shorter(produced))
        case Z_STREAM_END where stream.avail_in != 0: return .failure(.trailing)
        case Z_STREAM_END:
            output.removeLast()
            return .success(output)
        case Z_BUF_ERROR: return .failure(.truncated(produced))
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            return .failure(.zlib(message))
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case tooLarge
        /// The stream unpacks to more than declared (a zip bomb's header lies this way).
        case longer
        /// The stream ended after this many bytes, fewer than declared.
        case shorter(Int)
        /// Bytes follow the end of the stream inside the entry's data.
        case trailing
        /// The data ran out before the stream's end, after this many bytes.
        case truncated(Int)
        case zlib(String)

        public var description: String {
            switch self {
            case .tooLarge: "its sizes are too large to unpack"
            case .longer: "it unpacks to more bytes than the zip records"
            case .shorter(let count): "it unpacks to \(count) bytes, fewer than the zip records"
            case .trailing: "bytes follow the end of its deflate data"
            case .truncated(let count): "its deflate data is cut short after \(count) unpacked bytes"
            case .zlib(let message): "its deflate data is damaged (\(message))"
            }
        }
    }
}
