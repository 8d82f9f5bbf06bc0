import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import QRConformance
import QRErrors
import QRHarness
import ServiceLifecycle
import QRRegister

/// `qrconform serve`: the centre's HTTP service. Opens the register in the data folder, checks that the spec, test
/// plan and trust list load, then serves the generated API and judges the queue until SIGTERM or SIGINT (uploads
/// are then refused, the running judgements finish, queued ones wait for the next start).
public enum CertificationService {
    public static func run(_ configuration: ServiceConfiguration, logger: Logger) async throws {
        for folder in [configuration.dataFolder, configuration.uploadsFolder, configuration.jobsFolder] {
            try ReportFolder.create(folder)
        }
        let register = try Register.open(path: configuration.registerPath)
        // A bad spec, plan or trust list stops the service now, naming the file, rather than failing every job.
        _ = try configuration.inputs.certifier(workers: configuration.workers)
        let metrics = ServiceMetrics()
        let queue = JudgingQueue(configuration: configuration, register: register, metrics: metrics, logger: logger)
        let api = ServiceAPI(
            configuration: configuration, register: register, queue: queue, metrics: metrics, logger: logger,
            reportKeys: try reportKeys(configuration.signingKey))
        let router = Router()
        router.add(middleware: SecurityHeadersMiddleware(logger: logger))
        // One line per request: method, path (ids only; no query, no headers, so never a token) and status.
        router.add(middleware: LogRequestsMiddleware(.info, includeHeaders: .none))
        router.add(middleware: BodyLimitMiddleware(limit: configuration.formBodyLimit))
        router.add(middleware: IdentityMiddleware(register: register))
        try api.registerHandlers(on: router)
        let portFile = configuration.portFile
        let app = Application(
            router: router,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "qrconform"),
            services: [queue],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.notice("listening", metadata: ["url": "http://\(configuration.host):\(port)/"])
                if let portFile {
                    do {
                        try Output.write(Array("\(port)\n".utf8), to: portFile)
                    } catch {
                        logger.error("cannot write the port file", metadata: ["error": "\(error)"])
                    }
                }
            },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// Runs the service from synchronous code (the command line) until it stops: the calling thread waits, the
    /// service runs on the concurrency pool.
    public static func runUntilStopped(_ configuration: ServiceConfiguration, logger: Logger) throws {
        final class Outcome: @unchecked Sendable {
            var error: (any Error)?
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await run(configuration, logger: logger) } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// The centre's public report keys: the signing key's public half, or none when reports are not signed.
    static func reportKeys(_ key: ReportSigningKey?) throws -> Components.Schemas.JWKSet {
        let keys = key.map { [$0.publicJWK] } ?? []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONDecoder().decode(Components.Schemas.JWKSet.self, from: encoder.encode(["keys": keys]))
    }
}
