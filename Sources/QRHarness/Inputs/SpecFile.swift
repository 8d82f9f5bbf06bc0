import Foundation
import QRConformance
import QRSymbol

/// The one place that turns `--spec ID|PATH` into a `LoadedSpec`: a bundled spec by name, else the file at the path.
public enum SpecFile {
    public static func load(idOrPath: String) throws(SpecError) -> LoadedSpec {
        if let bundled = try SpecCatalog.bundled(named: idOrPath) { return bundled }
        let looksLikePath = idOrPath.contains("/") || idOrPath.hasSuffix(".json")
        guard looksLikePath || FileManager.default.fileExists(atPath: idOrPath) else {
            throw SpecCatalog.unknown(idOrPath)
        }
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path: idOrPath)
        } catch {
            throw SpecError(code: .unreadable, path: idOrPath, cause: "cannot read the file: \(error)")
        }
        return try SpecLoader.load(data: Data(bytes), origin: idOrPath)
    }
}
