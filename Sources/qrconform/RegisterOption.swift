import ArgumentParser
import Foundation
import QRRegister

/// Opens `--register FILE`; a file that is not a register, is newer, or cannot be written stops with exit 2.
enum RegisterOption {
    /// Where the register subcommands look when no `--register` is given.
    static let defaultPath = "Reports/register.sqlite"

    static func open(_ path: String, access: Register.Access) throws -> Register {
        try Register.open(path: path, access: access)
    }

    /// Opens an existing register to write to it; a missing file is an error, never a new empty register.
    static func openExisting(_ path: String) throws -> Register {
        guard FileManager.default.fileExists(atPath: path) else {
            throw RegisterError.register(
                code: .missing, path: path, cause: "no such register (certify --register makes one)")
        }
        return try Register.open(path: path, access: .readWrite)
    }
}

extension RegisterOption {
    /// Runs a register query; a `RegisterError` reaches `QRConform.main`, which prints it and exits 2.
    static func query<T>(_ body: () throws -> T) throws -> T {
        try body()
    }
}
