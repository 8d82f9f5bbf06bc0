import Foundation
import OpenAPIRuntime
import QRConformance
import QRErrors
import QRRegister

/// The officers' operations: the queue, review decisions and publication. Vendors get 403; a post must come with
/// the bearer token (a session cookie alone carries no CSRF token for JSON).
extension ServiceAPI {
    /// The officer asking, or why not; a post (`posting`) must come with the bearer token.
    private func officer(posting: Bool = false) -> Result<Principal, OfficerRefusal> {
        guard let principal = identity.principal else { return .failure(.unauthorized) }
        guard principal.role == .officer else { return .failure(.forbidden("only officers may do this")) }
        if posting, identity.channel != .bearer { return .failure(.forbidden("officer posts need the bearer token")) }
        return .success(principal)
    }

    enum OfficerRefusal: Error {
        case unauthorized
        case forbidden(String)
    }

    func queue(_ input: Operations.Queue.Input) async throws -> Operations.Queue.Output {
        switch officer() {
        case .failure(.unauthorized): return .unauthorized(.init(body: .json(Self.unauthorized)))
        case .failure(.forbidden(let why)): return .forbidden(.init(body: .json(Self.problem("forbidden", why))))
        case .success:
            let jobs = try register.jobs(vendor: nil, states: [.queued, .running], limit: 10_000)
            return .ok(.init(body: .json(.init(submissions: jobs.reversed().map(Self.submission)))))
        }
    }

    func reviewRule(_ input: Operations.ReviewRule.Input) async throws -> Operations.ReviewRule.Output {
        let principal: Principal
        switch officer(posting: true) {
        case .failure(.unauthorized): return .unauthorized(.init(body: .json(Self.unauthorized)))
        case .failure(.forbidden(let why)): return .forbidden(.init(body: .json(Self.problem("forbidden", why))))
        case .success(let officer): principal = officer
        }
        guard case .json(let request) = input.body else {
            return .badRequest(.init(body: .json(Self.problem("bad-request", "a JSON body is needed"))))
        }
        do {
            let review = try register.review(
                RuleReview.Request(
                    run: input.path.run, rule: request.rule,
                    decision: request.decision == .pass ? .pass : .fail, reviewer: principal.name,
                    reason: request.reason, override: request.override ?? false, at: CheckReport.timestamp(Date())))
            logger.notice(
                "review recorded",
                metadata: ["run": "\(review.runID)", "rule": "\(review.rule)", "officer": "\(principal.name)"])
            return .created(
                .init(
                    body: .json(
                        .init(
                            id: review.id ?? 0, run: review.runID, rule: review.rule,
                            machineStatus: review.machineStatus.rawValue,
                            decision: review.decision == .pass ? .pass : .fail, override: review.override,
                            reviewer: review.reviewer, reason: review.reason,
                            reviewedAt: CheckReport.date(review.reviewedAt) ?? Date()))))
        } catch {
            let problem = Self.problem(error.code.rawValue, error.description)
            switch error.code {
            case .unknownRun: return .notFound(.init(body: .json(problem)))
            case .overrideRequired: return .conflict(.init(body: .json(problem)))
            case .unknownRule, .incompleteReview: return .badRequest(.init(body: .json(problem)))
            default: throw error
            }
        }
    }

    func publication(_ input: Operations.Publication.Input) async throws -> Operations.Publication.Output {
        let principal: Principal
        switch officer(posting: true) {
        case .failure(.unauthorized): return .unauthorized(.init(body: .json(Self.unauthorized)))
        case .failure(.forbidden(let why)): return .forbidden(.init(body: .json(Self.problem("forbidden", why))))
        case .success(let officer): principal = officer
        }
        guard case .json(let request) = input.body else {
            return .badRequest(.init(body: .json(Self.problem("bad-request", "a JSON body is needed"))))
        }
        let at = CheckReport.timestamp(Date())
        do {
            let action =
                request.action == .publish
                ? try register.publish(run: input.path.run, officer: principal.name, reason: request.reason, at: at)
                : try register.withdraw(run: input.path.run, officer: principal.name, reason: request.reason, at: at)
            logger.notice(
                "publication recorded",
                metadata: [
                    "run": "\(action.runID)", "action": "\(action.action.rawValue)", "officer": "\(principal.name)",
                ])
            return .created(
                .init(
                    body: .json(
                        .init(
                            id: action.id ?? 0, run: action.runID,
                            action: action.action == .publish ? .publish : .withdraw,
                            officer: action.officer, reason: action.reason, at: CheckReport.date(action.at) ?? Date())))
            )
        } catch {
            let problem = Self.problem(error.code.rawValue, error.description)
            switch error.code {
            case .unknownRun: return .notFound(.init(body: .json(problem)))
            case .notCertified, .notPublished: return .conflict(.init(body: .json(problem)))
            case .incompletePublication: return .badRequest(.init(body: .json(problem)))
            default: throw error
            }
        }
    }
}
