/// Arithmetic in GF(2⁸) with prime polynomial 0x11D, the field of QR Reed–Solomon codes (ISO/IEC 18004 7.5.2).
public enum GaloisField256 {
    /// αⁱ for i in 0..<510, doubled so products of two logarithms need no reduction.
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        var value = 1
        for i in 0..<255 {
            table[i] = UInt8(value)
            table[i + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        table[510] = table[0]
        table[511] = table[1]
        return table
    }()

    /// log_α(x) for x in 1...255; entry 0 is unused.
    static let log: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(exp[i])] = i }
        return table
    }()

    /// The product a·b.
    @inline(__always)
    public static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[log[Int(a)] + log[Int(b)]]
    }

    /// The quotient a/b; b must be non-zero (0 is returned for b = 0 rather than trapping).
    @inline(__always)
    public static func divide(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[log[Int(a)] + 255 - log[Int(b)]]
    }

    /// αⁿ for any integer n (reduced modulo 255).
    @inline(__always)
    public static func alphaPower(_ n: Int) -> UInt8 {
        let reduced = n % 255
        return exp[reduced < 0 ? reduced + 255 : reduced]
    }
}
