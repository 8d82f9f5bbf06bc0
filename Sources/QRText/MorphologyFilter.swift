import QRSymbol
/// Grey-level morphology with a square structuring element (van Herk / Gil-Werman: three comparisons per pixel and
/// pass, whatever the size).
enum MorphologyFilter {
    /// Dilation then erosion: dark features narrower than `size` filled with their surroundings.
    static func closing(_ pixels: [UInt8], width: Int, height: Int, size: Int) -> [UInt8] {
        let dilated = filter(pixels, width: width, height: height, size: size, takeMax: true)
        return filter(dilated, width: width, height: height, size: size, takeMax: false)
    }

    /// Erosion then dilation: light features narrower than `size` filled with their surroundings.
    static func opening(_ pixels: [UInt8], width: Int, height: Int, size: Int) -> [UInt8] {
        let eroded = filter(pixels, width: width, height: height, size: size, takeMax: false)
        return filter(eroded, width: width, height: height, size: size, takeMax: true)
    }

    /// The maximum (or minimum) over a `size`×`size` square centred on each pixel, the image's edge repeated.
    static func filter(_ pixels: [UInt8], width: Int, height: Int, size: Int, takeMax: Bool) -> [UInt8] {
        guard width > 0, height > 0, size > 0, pixels.count == width * height else { return pixels }
        let rows = horizontalPass(pixels, width: width, height: height, size: size, takeMax: takeMax)
        return verticalPass(rows, width: width, height: height, size: size, takeMax: takeMax)
    }

    /// `into[i] = max(a[i], b[i])` (or min) for `count` bytes: a plain loop over pointers, which the compiler turns
    /// into vector instructions.
    private static func rows(
        _ into: UnsafeMutablePointer<UInt8>, _ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int,
        takeMax: Bool
    ) {
        if takeMax {
            for offset in 0..<count { into[offset] = max(a[offset], b[offset]) }
        } else {
            for offset in 0..<count { into[offset] = min(a[offset], b[offset]) }
        }
    }

    /// The vertical 1-D pass, whole rows at a time: the same blocks as `horizontalPass`, but memory is read in order (a column
    /// at a time strides the width on every sample, which cost as much as the rest of the filter).
    private static func verticalPass(_ input: [UInt8], width: Int, height: Int, size: Int, takeMax: Bool) -> [UInt8] {
        let radius = size / 2
        let blocks = (height + 2 * radius + size - 1) / size
        let total = blocks * size
        var prefix = [UInt8](repeating: 0, count: total * width)
        var suffix = [UInt8](repeating: 0, count: total * width)
        var output = [UInt8](repeating: 0, count: width * height)
        input.withUnsafeBufferPointer { source in
            prefix.withUnsafeMutableBufferPointer { prefix in
                suffix.withUnsafeMutableBufferPointer { suffix in
                    output.withUnsafeMutableBufferPointer { output in
                        guard let source = source.baseAddress, let prefix = prefix.baseAddress,
                            let suffix = suffix.baseAddress, let target = output.baseAddress
                        else { return }
                        // Row `position` of the padded image: the source's row `position - radius`, clamped.
                        func row(_ position: Int) -> UnsafePointer<UInt8> {
                            source + min(max(position - radius, 0), height - 1) * width
                        }
                        for start in stride(from: 0, to: total, by: size) {
                            let last = start + size - 1
                            (prefix + start * width).update(from: row(start), count: width)
                            for position in stride(from: start + 1, through: last, by: 1) {
                                rows(
                                    prefix + position * width, prefix + (position - 1) * width, row(position),
                                    count: width, takeMax: takeMax)
                            }
                            (suffix + last * width).update(from: row(last), count: width)
                            for position in stride(from: last - 1, through: start, by: -1) {
                                rows(
                                    suffix + position * width, suffix + (position + 1) * width, row(position),
                                    count: width, takeMax: takeMax)
                            }
                        }
                        // The window [y, y + size - 1] of the padded image is centred on row `y`.
                        for y in 0..<height {
                            rows(
                                target + y * width, suffix + y * width, prefix + (y + size - 1) * width, count: width,
                                takeMax: takeMax)
                        }
                    }
                }
            }
        }
        return output
    }

    /// The horizontal 1-D pass, a row at a time: each row padded by its edge pixels, cut into blocks of `size`, with
    /// running extremes from each block's ends.
    private static func horizontalPass(_ input: [UInt8], width: Int, height: Int, size: Int, takeMax: Bool) -> [UInt8] {
        let radius = size / 2
        let blocks = (width + 2 * radius + size - 1) / size
        let total = blocks * size
        var output = input
        var line = [UInt8](repeating: 0, count: total)
        var prefix = [UInt8](repeating: 0, count: total)
        var suffix = [UInt8](repeating: 0, count: total)
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                line.withUnsafeMutableBufferPointer { line in
                    prefix.withUnsafeMutableBufferPointer { prefix in
                        suffix.withUnsafeMutableBufferPointer { suffix in
                            for row in 0..<height {
                                let base = row * width
                                for position in 0..<total {
                                    line[position] = source[base + min(max(position - radius, 0), width - 1)]
                                }
                                for start in stride(from: 0, to: total, by: size) {
                                    var running = line[start]
                                    prefix[start] = running
                                    for position in (start + 1)..<(start + size) {
                                        let value = line[position]
                                        running =
                                            takeMax
                                            ? (value > running ? value : running) : (value < running ? value : running)
                                        prefix[position] = running
                                    }
                                    running = line[start + size - 1]
                                    suffix[start + size - 1] = running
                                    var position = start + size - 2
                                    while position >= start {
                                        let value = line[position]
                                        running =
                                            takeMax
                                            ? (value > running ? value : running) : (value < running ? value : running)
                                        suffix[position] = running
                                        position -= 1
                                    }
                                }
                                // The window [position, position + size - 1] of the padded line is centred on `position`.
                                for position in 0..<width {
                                    let a = suffix[position]
                                    let b = prefix[position + size - 1]
                                    target[base + position] = takeMax ? (a > b ? a : b) : (a < b ? a : b)
                                }
                            }
                        }
                    }
                }
            }
        }
        return output
    }
}
