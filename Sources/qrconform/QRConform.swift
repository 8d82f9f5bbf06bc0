import ArgumentParser

@main
struct QRConform: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qrconform",
        abstract: "Conformance suite for Vietnam's unified personal QR code (guidance 1405/QĐ-BTTTT v1.1).",
        subcommands: [
            DecodeCommand.self, CheckCommand.self, CertifyCommand.self, MergeCommand.self, SpecCommand.self,
            VectorsCommand.self, WorkerCommand.self, ProfileCommand.self,
        ]
    )
}
