/// Common phones with their screen's pixel density, so a vendor can name the device a screenshot was taken on
/// (`--device`, or the manifest's `device`) instead of stating pixels per inch. Figures are the manufacturers'.
public enum DeviceCatalogue {
    /// One phone model.
    public struct Device: Sendable, Equatable {
        /// The name as the catalogue lists it, e.g. `Google Pixel 7`.
        public let name: String
        /// Other spellings that name the same model (without the brand, say).
        public let aliases: [String]
        /// Physical pixels per inch of the screen.
        public let ppi: Double
        /// CSS pixels to physical pixels, as the device's browser reports `devicePixelRatio`.
        public let devicePixelRatio: Double
        /// Where the figures come from.
        public let source: String
    }

    public static let devices: [Device] = [
        Device(
            name: "Apple iPhone SE (3rd generation)", aliases: ["iPhone SE", "iPhone SE 3"], ppi: 326,
            devicePixelRatio: 2, source: "Apple, iPhone SE (3rd generation) technical specifications"),
        Device(
            name: "Apple iPhone 13", aliases: ["iPhone 13"], ppi: 460, devicePixelRatio: 3,
            source: "Apple, iPhone 13 technical specifications"),
        Device(
            name: "Apple iPhone 14", aliases: ["iPhone 14"], ppi: 460, devicePixelRatio: 3,
            source: "Apple, iPhone 14 technical specifications"),
        Device(
            name: "Apple iPhone 15", aliases: ["iPhone 15"], ppi: 460, devicePixelRatio: 3,
            source: "Apple, iPhone 15 technical specifications"),
        Device(
            name: "Apple iPhone 15 Pro Max", aliases: ["iPhone 15 Pro Max"], ppi: 460, devicePixelRatio: 3,
            source: "Apple, iPhone 15 Pro Max technical specifications"),
        Device(
            name: "Google Pixel 7", aliases: ["Pixel 7"], ppi: 416, devicePixelRatio: 2.625,
            source: "Google Store, Pixel 7 tech specs (1080 × 2400, 416 PPI)"),
        Device(
            name: "Google Pixel 8", aliases: ["Pixel 8"], ppi: 428, devicePixelRatio: 2.625,
            source: "Google Store, Pixel 8 tech specs (1080 × 2400, 428 PPI)"),
        Device(
            name: "Samsung Galaxy S23", aliases: ["Galaxy S23", "SM-S911B"], ppi: 425, devicePixelRatio: 3,
            source: "Samsung, Galaxy S23 specifications (6.1\", 1080 × 2340, 425 ppi)"),
    ]

    /// The device a name denotes: case, spacing and a trailing parenthesis (`Pixel 7 (emulator)`) are ignored.
    public static func device(named text: String) -> Device? {
        let key = normalized(text)
        return devices.first { device in ([device.name] + device.aliases).contains { normalized($0) == key } }
    }

    static func normalized(_ text: String) -> String {
        var base = Substring(text)
        if let open = base.firstIndex(of: "("), base.hasSuffix(")") { base = base[..<open] }
        return base.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
