import Foundation
import Prometheus

/// The service's Prometheus metrics, served at /metrics: queue length, judgement time by mode and verdict, uploads
/// accepted by mode and refused by reason. No label ever carries a vendor, an id or personal data.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let queueLength: Gauge
    private static let judgementBuckets: [Duration] = [1, 2, 5, 10, 20, 30, 60, 120, 300].map { .seconds($0) }
    static let refusalReasons = [
        "too-large", "not-a-zip", "empty", "storage", "queue-full", "stopping", "unauthorized", "forbidden", "csrf",
    ]

    init() {
        queueLength = registry.makeGauge(
            descriptor: .init(
                namespace: "qrconform", metricName: "queue", unitName: "jobs",
                helpText: "Submissions queued or being judged."))
        // Every refusal reason is present from the start (at 0), so a dashboard sees the series before the first one.
        for reason in Self.refusalReasons { _ = refusedCounter(reason) }
    }

    func setQueueLength(_ count: Int) { queueLength.set(Double(count)) }

    func accepted(mode: String) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "qrconform", metricName: "uploads_accepted", unitName: "total",
                helpText: "Uploads accepted into the queue, by mode."),
            labels: [("mode", mode)]
        ).increment()
    }

    func refused(_ reason: String) { refusedCounter(reason).increment() }

    func judged(mode: String, outcome: String, seconds: Double) {
        registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "qrconform", metricName: "judgement", unitName: "seconds",
                helpText: "Wall time of judging one submission, by mode and outcome (a verdict, or failed)."),
            labels: [("mode", mode), ("outcome", outcome)], buckets: Self.judgementBuckets
        ).record(.milliseconds(Int64((seconds * 1000).rounded())))
    }

    /// The metrics in Prometheus' text format.
    func exposition() -> String { registry.emitToString() }

    private func refusedCounter(_ reason: String) -> Counter {
        registry.makeCounter(
            descriptor: .init(
                namespace: "qrconform", metricName: "uploads_refused", unitName: "total",
                helpText: "Uploads refused, by reason."),
            labels: [("reason", reason)])
    }
}
