import ArgumentParser

struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decode", abstract: "Decode the QR codes in PNG images.")
    @Argument(help: "PNG images") var images: [String]
    func run() throws {}
}
