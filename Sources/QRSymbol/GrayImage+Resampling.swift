/// Smaller and partial copies of an image, for finding codes cheaply before reading them at full resolution.
extension GrayImage {
    /// The image shrunk by `factor` on both axes, each pixel the rounded mean of a `factor` × `factor` block;
    /// columns and rows that do not fill a whole block are dropped. Nil when the factor is below 1 or the image
    /// is smaller than one block.
    ///
    /// The pixel density shrinks with it, so the copy still describes the same physical screen.
    public func downscaled(by factor: Int) -> GrayImage? {
        guard factor >= 1 else { return nil }
        guard factor > 1 else { return self }
        let outWidth = width / factor, outHeight = height / factor
        guard outWidth > 0, outHeight > 0 else { return nil }
        let result = [UInt8](unsafeUninitializedCapacity: outWidth * outHeight) { out, initialized in
            pixels.withUnsafeBufferPointer { source in
                if factor == 2 {
                    Self.halve(source, width: width, into: out, outWidth: outWidth, outHeight: outHeight)
                } else {
                    Self.shrink(source, width: width, by: factor, into: out, outWidth: outWidth, outHeight: outHeight)
                }
            }
            initialized = outWidth * outHeight
        }
        return GrayImage(
            uncheckedWidth: outWidth, height: outHeight, pixels: result,
            pixelsPerInch: pixelsPerInch.map { $0 / Double(factor) })
    }

    /// The 2 × 2 case, the one the scanner uses, without the inner loops: about a millisecond for a phone screen.
    private static func halve(
        _ source: UnsafeBufferPointer<UInt8>, width: Int, into out: UnsafeMutableBufferPointer<UInt8>,
        outWidth: Int, outHeight: Int
    ) {
        for outY in 0..<outHeight {
            let top = 2 * outY * width, bottom = top + width, base = outY * outWidth
            for outX in 0..<outWidth {
                let x = 2 * outX
                let sum = UInt16(source[top + x]) + UInt16(source[top + x + 1])
                    + UInt16(source[bottom + x]) + UInt16(source[bottom + x + 1])
                out[base + outX] = UInt8(truncatingIfNeeded: (sum + 2) >> 2)
            }
        }
    }

    /// Any factor: each output pixel the rounded mean of its block (a block sum is at most 255 × factor², far
    /// inside Int for any factor an image can have).
    private static func shrink(
        _ source: UnsafeBufferPointer<UInt8>, width: Int, by factor: Int, into out: UnsafeMutableBufferPointer<UInt8>,
        outWidth: Int, outHeight: Int
    ) {
        let area = factor * factor
        for outY in 0..<outHeight {
            for outX in 0..<outWidth {
                var sum = 0
                for row in (outY * factor)..<(outY * factor + factor) {
                    let start = row * width + outX * factor
                    for column in start..<(start + factor) { sum += Int(source[column]) }
                }
                out[outY * outWidth + outX] = UInt8(truncatingIfNeeded: (sum + area / 2) / area)
            }
        }
    }

    /// The pixels inside `rect`, or nil when `rect` does not lie wholly inside the image.
    public func cropped(to rect: PixelRect) -> GrayImage? {
        guard rect.x + rect.width <= width, rect.y + rect.height <= height else { return nil }
        if rect.x == 0, rect.y == 0, rect.width == width, rect.height == height { return self }
        var result: [UInt8] = []
        result.reserveCapacity(rect.width * rect.height)
        pixels.withUnsafeBufferPointer { source in
            for row in rect.y..<(rect.y + rect.height) {
                let start = row * width + rect.x
                result.append(contentsOf: source[start..<(start + rect.width)])
            }
        }
        return GrayImage(uncheckedWidth: rect.width, height: rect.height, pixels: result, pixelsPerInch: pixelsPerInch)
    }
}
