import Foundation

/// RGB to gray exactly as libpng's simplified API computes it for an 8-bit file without colour chunks.
///
/// libpng takes such a file as sRGB, modelled as gamma 1/2.2: it linearises each channel through an 8-bit table,
/// weighs them 6968 : 23434 : 2366 (of 32768, its historical coefficients) and re-encodes through another table;
/// equal channels are kept as they are. The tables are libpng's `png_gamma_8bit_correct` with its fixed-point
/// gammas (219998 and 45455, in units of 1e-5). A test compares every one of the 2^24 colours with libpng.
enum Luma {
    /// Each linear value times 2^15 is split as libpng splits it; the weights add up to 32768.
    static let weights = (red: 6968, green: 23434, blue: 2366)
    static let toLinear = table(gamma: 219_998)
    static let fromLinear = table(gamma: 45_455)

    /// libpng's `png_gamma_8bit_correct` for every value, with `gamma` in libpng's fixed point (1e-5 units).
    static func table(gamma: Int) -> [UInt8] {
        (0..<256).map { value -> UInt8 in
            guard value > 0, value < 255 else { return UInt8(value) }
            return UInt8(floor(255 * pow(Double(value) / 255.0, Double(gamma) * 0.00001) + 0.5))
        }
    }

    /// The gray level libpng gives one RGB pixel.
    @inline(__always)
    static func gray(
        red: UInt8, green: UInt8, blue: UInt8, toLinear: UnsafePointer<UInt8>, fromLinear: UnsafePointer<UInt8>
    ) -> UInt8 {
        guard red != green || red != blue else { return red }
        let sum =
            weights.red * Int(toLinear[Int(red)]) + weights.green * Int(toLinear[Int(green)])
            + weights.blue * Int(toLinear[Int(blue)])
        return fromLinear[(sum + 16384) >> 15]
    }

    /// Gray levels of unfiltered RGB rows, each `width * 3` bytes after its filter byte.
    static func gray(ofRGBRows rows: [UInt8], width: Int, height: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: width * height) { output, initialized in
            rows.withUnsafeBufferPointer { source in
                toLinear.withUnsafeBufferPointer { toTable in
                    fromLinear.withUnsafeBufferPointer { fromTable in
                        guard let input = source.baseAddress, let out = output.baseAddress,
                            let to = toTable.baseAddress, let from = fromTable.baseAddress,
                            source.count >= height * (width * 3 + 1), output.count >= width * height
                        else { return }
                        for y in 0..<height {
                            let line = input + y * (width * 3 + 1) + 1
                            let target = out + y * width
                            for x in 0..<width {
                                target[x] = gray(
                                    red: line[3 * x], green: line[3 * x + 1], blue: line[3 * x + 2],
                                    toLinear: to, fromLinear: from)
                            }
                        }
                        initialized = width * height
                    }
                }
            }
        }
    }
}
