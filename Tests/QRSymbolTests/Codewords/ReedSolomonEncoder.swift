import QRSymbol

/// Computes QR error-correction codewords (generator roots α⁰…αⁿ⁻¹), used to build and check test symbols.
public enum ReedSolomonEncoder {
    /// The generator polynomial Π(x − αⁱ), highest degree first, leading coefficient 1 omitted.
    public static func generator(degree: Int) -> [UInt8] {
        var poly: [UInt8] = [1]
        for i in 0..<max(degree, 0) {
            var next = [UInt8](repeating: 0, count: poly.count + 1)
            let root = GaloisField256.alphaPower(i)
            for (j, coefficient) in poly.enumerated() {
                next[j] ^= coefficient
                next[j + 1] ^= GaloisField256.multiply(coefficient, root)
            }
            poly = next
        }
        return Array(poly.dropFirst())
    }

    /// The `ecCount` error-correction codewords for `data` (remainder of data·xⁿ divided by the generator).
    public static func ecCodewords(for data: [UInt8], ecCount: Int) -> [UInt8] {
        guard ecCount > 0 else { return [] }
        let gen = generator(degree: ecCount)
        var remainder = [UInt8](repeating: 0, count: ecCount)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            if factor != 0 {
                for j in 0..<ecCount { remainder[j] ^= GaloisField256.multiply(gen[j], factor) }
            }
        }
        return remainder
    }
}
