package dev.waiver.engine.evaluation;

import io.burt.jmespath.Expression;
import io.burt.jmespath.RuntimeConfiguration;
import io.burt.jmespath.function.FunctionRegistry;
import io.burt.jmespath.jcf.JcfRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/// JMESPath over plain Java trees with Kyverno's extra functions; compiled expressions are cached
/// because policies repeat the same few expressions for every resource.
final class Jmes {

    private static final JcfRuntime RUNTIME = new KyvernoRuntime();

    /// The JCF runtime with Kyverno's functions and node semantics.
    private static final class KyvernoRuntime extends JcfRuntime {
        private KyvernoNodes nodes;

        KyvernoRuntime() {
            super(RuntimeConfiguration.builder()
                    .withFunctionRegistry(FunctionRegistry.defaultRegistry().extend(
                            KyvernoFunctions.all().toArray(io.burt.jmespath.function.Function[]::new)))
                    .build());
        }

        @Override
        public io.burt.jmespath.node.NodeFactory<Object> nodeFactory() {
            if (nodes == null) {
                nodes = new KyvernoNodes(this);
            }
            return nodes;
        }
    }

    private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

    private Jmes() {
    }

    /// Evaluates `expression` on `data`. Throws [RuleEvaluationException] for a syntax error, an
    /// unknown function or a function argument error.
    @SuppressWarnings("unchecked")
    static Object search(String expression, Object data) {
        Object compiled = CACHE.get(expression);
        if (compiled == null) {
            compiled = compile(expression);
            // Nested variables put resource values into expressions: bound the cache.
            if (CACHE.size() < 20_000) {
                CACHE.put(expression, compiled);
            }
        }
        if (compiled instanceof RuleEvaluationException failure) {
            throw failure;
        }
        try {
            return normalizeResult(((Expression<Object>) compiled).search(data));
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleEvaluationException("JMESPath query failed: " + expression + ": " + e.getMessage());
        }
    }

    private static Object compile(String expression) {
        try {
            return RUNTIME.compile(expression);
        } catch (RuntimeException e) {
            return new RuleEvaluationException("incorrect query " + expression + ": " + e.getMessage());
        }
    }

    private static Object normalizeResult(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value;
    }
}
