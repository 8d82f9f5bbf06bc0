import ArgumentParser

@main
struct QRConform: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qrconform",
        abstract: "Conformance suite for Vietnam's unified personal QR code (guidance 1405/QĐ-BTTTT v1.1).",
        discussion: """
            Exit status of check, certify and merge: 0 conformant, 1 a rule failed, 2 a harness or input error, \
            3 inconclusive (nothing failed, but a required rule could not be judged; each such finding says what \
            would make it judgeable), 64 usage error.
            """,
        subcommands: [
            DecodeCommand.self, CheckCommand.self, CertifyCommand.self, MergeCommand.self, SpecCommand.self,
            VectorsCommand.self, DevicesCommand.self, WorkerCommand.self, ProfileCommand.self,
        ]
    )
}
