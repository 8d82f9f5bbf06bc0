internal import CDeflate

/// A libdeflate decompressor; owns its C handle.
///
/// Not `Sendable`: libdeflate's decompressors hold state between calls, so each decode makes its own.
final class DeflateDecompressor {
    private let handle: OpaquePointer

    init?() {
        guard let handle = libdeflate_alloc_decompressor() else { return nil }
        self.handle = handle
    }

    deinit {
        libdeflate_free_decompressor(handle)
    }

    /// The zlib stream `input` inflated into exactly `size` bytes; nil when it is damaged, unpacks to another
    /// size or is followed by more data.
    func zlibDecompress(_ input: UnsafeRawBufferPointer, size: Int) -> [UInt8]? {
        guard size > 0, let source = input.baseAddress else { return nil }
        var consumed = 0
        var status = LIBDEFLATE_BAD_DATA
        let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            status = libdeflate_zlib_decompress_ex(
                handle, source, input.count, buffer.baseAddress, size, &consumed, nil)
            initialized = status == LIBDEFLATE_SUCCESS ? size : 0
        }
        guard status == LIBDEFLATE_SUCCESS, consumed == input.count else { return nil }
        return output
    }
}
