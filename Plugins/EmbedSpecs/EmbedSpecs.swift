import Foundation
import PackagePlugin

/// Embeds every `spec/<id>/<version>/rules.json` of the package into the target as Swift source at build time, so
/// the binary carries its specs wherever it runs and no generated file is committed.
@main
struct EmbedSpecs: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let specs = context.package.directoryURL.appending(path: "spec")
        let files = try Self.ruleFiles(under: specs)
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledSpecs.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) spec files",
                executable: try context.tool(named: "SpecEmbedder").url,
                arguments: [output.path, specs.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }

    /// `spec/*/*/rules.json`, sorted.
    static func ruleFiles(under specs: URL) throws -> [URL] {
        let manager = FileManager.default
        var files: [URL] = []
        for id in try manager.contentsOfDirectory(atPath: specs.path).sorted() {
            let idFolder = specs.appending(path: id)
            guard let versions = try? manager.contentsOfDirectory(atPath: idFolder.path) else { continue }
            for version in versions.sorted() {
                let file = idFolder.appending(path: version).appending(path: "rules.json")
                if manager.fileExists(atPath: file.path) { files.append(file) }
            }
        }
        return files
    }
}
