import ArgumentParser
import QRHarness
import QRConformance
import QRConformanceReports

/// `qrconform devices`: the phones `--device` and a manifest's `device` field know, with their pixel density.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: "List the phones --device knows, with screen ppi, pixel ratio and source.")

    func run() throws {
        let rows = DeviceCatalogue.devices.map { device in
            [device.name, "\(device.ppi)", "\(device.devicePixelRatio)", device.source]
        }
        try Output.print(TextTable.render(header: ["device", "ppi", "ratio", "source"], rows: rows))
    }
}
