/// Smaller and partial copies of an image, for finding codes cheaply before reading them at full resolution.
extension GrayImage {
    /// The image shrunk by `factor` on both axes by keeping the top-left pixel of each `factor` × `factor` block;
    /// columns and rows that do not fill a whole block are dropped. Nil when the factor is below 1 or the image is
    /// smaller than one block.
    ///
    /// Unlike averaging, sampling keeps hard module edges hard: a code drawn at 4 px per module is exactly 2 px
    /// per module after halving, in whatever phase its modules lie, where averaging would leave every 2nd pixel
    /// a 50 % grey that zbar reads either way (it missed one of two 4 px codes on a benchmark screen). The pixel
    /// density shrinks with the image, so the copy still describes the same physical screen.
    public func subsampled(by factor: Int) -> GrayImage? {
        guard factor >= 1 else { return nil }
        guard factor > 1 else { return self }
        let outWidth = width / factor
        let outHeight = height / factor
        guard outWidth > 0, outHeight > 0 else { return nil }
        let result = [UInt8](unsafeUninitializedCapacity: outWidth * outHeight) { out, initialized in
            pixels.withUnsafeBufferPointer { source in
                for outY in 0..<outHeight {
                    let row = outY * factor * width
                    let base = outY * outWidth
                    for outX in 0..<outWidth { out[base + outX] = source[row + outX * factor] }
                }
            }
            initialized = outWidth * outHeight
        }
        return GrayImage(
            uncheckedWidth: outWidth, height: outHeight, pixels: result,
            pixelsPerInch: pixelsPerInch.map { $0 / Double(factor) })
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
