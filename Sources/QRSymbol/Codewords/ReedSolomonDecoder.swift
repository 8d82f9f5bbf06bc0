/// What Reed–Solomon decoding of one block found.
public enum ReedSolomonOutcome: Sendable, Equatable {
    /// The block is now a valid codeword; `errors` codewords were changed (0 = it was clean).
    case corrected(errors: Int)
    /// More errors than the decoder may correct; the block is left as it was received.
    case uncorrectable
}

/// Reed–Solomon error correction over GF(256) for QR blocks: Berlekamp–Massey, Chien search, Forney.
///
/// A block is its data codewords followed by its EC codewords, the first byte being the highest power of x,
/// exactly as it is read out of a symbol. The generator's roots are α⁰…αⁿ⁻¹ (ISO/IEC 18004 7.5.2).
///
/// ```swift
/// var block = received
/// let outcome = ReedSolomonDecoder.correct(&block, ecCount: 10, maxErrors: 4)
/// ```
public enum ReedSolomonDecoder {
    /// Corrects `block` in place, refusing any solution with more than `maxErrors` errors.
    ///
    /// `maxErrors` lets a caller keep misdecode-protection codewords in reserve (ISO/IEC 18004 Table 9):
    /// a solution needing more errors than that is reported uncorrectable, never applied.
    public static func correct(_ block: inout [UInt8], ecCount: Int, maxErrors: Int) -> ReedSolomonOutcome {
        let n = block.count
        guard ecCount > 0, ecCount < n, n <= 255 else { return ecCount == 0 ? .corrected(errors: 0) : .uncorrectable }
        let syndromes = syndromes(of: block, count: ecCount)
        if syndromes.allSatisfy({ $0 == 0 }) { return .corrected(errors: 0) }
        let limit = min(max(maxErrors, 0), ecCount / 2)
        let (locator, degree) = berlekampMassey(syndromes)
        guard degree >= 1, degree <= limit else { return .uncorrectable }
        let positions = errorPositions(locator: locator, degree: degree, length: n)
        guard positions.count == degree else { return .uncorrectable }
        let evaluator = errorEvaluator(syndromes: syndromes, locator: locator, degree: degree)
        let original = block
        for position in positions {
            let power = n - 1 - position
            let x = GaloisField256.alphaPower(power)
            let xInverse = GaloisField256.alphaPower(-power)
            let numerator = evaluate(evaluator, at: xInverse)
            let denominator = evaluateDerivative(locator, degree: degree, at: xInverse)
            guard denominator != 0 else {
                block = original
                return .uncorrectable
            }
            block[position] ^= GaloisField256.multiply(x, GaloisField256.divide(numerator, denominator))
        }
        guard Self.syndromes(of: block, count: ecCount).allSatisfy({ $0 == 0 }) else {
            block = original
            return .uncorrectable
        }
        return .corrected(errors: degree)
    }

    /// S_j = r(αʲ) for j in 0..<count, by Horner's rule in the log domain (the hot path for clean blocks).
    static func syndromes(of block: [UInt8], count: Int) -> [UInt8] {
        let exp = GaloisField256.exp
        let log = GaloisField256.log
        var result = [UInt8](repeating: 0, count: count)
        for j in 0..<min(count, 255) {
            var sum = 0
            for byte in block {
                if sum != 0 { sum = Int(exp[log[sum] + j]) }
                sum ^= Int(byte)
            }
            result[j] = UInt8(truncatingIfNeeded: sum)
        }
        return result
    }

    /// The error-locator polynomial Λ(x) (lowest degree first) and its degree L.
    static func berlekampMassey(_ syndromes: [UInt8]) -> ([UInt8], Int) {
        let count = syndromes.count
        var current = [UInt8](repeating: 0, count: count + 1)
        var previous = [UInt8](repeating: 0, count: count + 1)
        current[0] = 1
        previous[0] = 1
        var degree = 0
        var shift = 1
        var previousDiscrepancy: UInt8 = 1
        for step in 0..<count {
            var discrepancy = syndromes[step]
            if degree > 0 {
                for i in 1...degree where step - i >= 0 {
                    discrepancy ^= GaloisField256.multiply(current[i], syndromes[step - i])
                }
            }
            if discrepancy == 0 {
                shift += 1
                continue
            }
            let factor = GaloisField256.divide(discrepancy, previousDiscrepancy)
            let saved = current
            for i in 0...count where i + shift <= count {
                current[i + shift] ^= GaloisField256.multiply(factor, previous[i])
            }
            if 2 * degree <= step {
                degree = step + 1 - degree
                previous = saved
                previousDiscrepancy = discrepancy
                shift = 1
            } else {
                shift += 1
            }
        }
        return (current, degree)
    }

    /// Indices into the block whose locators X = α^(n−1−i) make Λ(X⁻¹) vanish (Chien search).
    static func errorPositions(locator: [UInt8], degree: Int, length: Int) -> [Int] {
        var positions: [Int] = []
        positions.reserveCapacity(degree)
        for index in 0..<length {
            let xInverse = GaloisField256.alphaPower(-(length - 1 - index))
            var value: UInt8 = 0
            var power: UInt8 = 1
            for i in 0...degree {
                value ^= GaloisField256.multiply(locator[i], power)
                power = GaloisField256.multiply(power, xInverse)
            }
            if value == 0 { positions.append(index) }
        }
        return positions
    }

    /// Ω(x) = S(x)·Λ(x) mod x^(2t), truncated to the degree below L that Forney needs.
    static func errorEvaluator(syndromes: [UInt8], locator: [UInt8], degree: Int) -> [UInt8] {
        var omega = [UInt8](repeating: 0, count: degree)
        for k in 0..<degree {
            var sum: UInt8 = 0
            for j in 0...k where k - j <= degree { sum ^= GaloisField256.multiply(syndromes[j], locator[k - j]) }
            omega[k] = sum
        }
        return omega
    }

    static func evaluate(_ poly: [UInt8], at x: UInt8) -> UInt8 {
        var result: UInt8 = 0
        for coefficient in poly.reversed() { result = GaloisField256.multiply(result, x) ^ coefficient }
        return result
    }

    /// Λ'(x): in characteristic 2 only the odd-degree terms survive differentiation.
    static func evaluateDerivative(_ locator: [UInt8], degree: Int, at x: UInt8) -> UInt8 {
        let xSquared = GaloisField256.multiply(x, x)
        var result: UInt8 = 0
        var power: UInt8 = 1
        var i = 1
        while i <= degree {
            result ^= GaloisField256.multiply(locator[i], power)
            power = GaloisField256.multiply(power, xSquared)
            i += 2
        }
        return result
    }
}
