package dev.waiver.engine.evaluation;

/// A rule could not be evaluated (unresolvable variable, bad JMESPath, bad pattern): Kyverno
/// reports such a rule as `error`. Thrown inside the evaluator only, never out of its API.
final class RuleEvaluationException extends RuntimeException {

    RuleEvaluationException(String message) {
        super(message, null, false, false);
    }
}
