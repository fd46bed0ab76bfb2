package dev.waiver.engine.evaluation;

import io.burt.jmespath.Adapter;
import io.burt.jmespath.JmesPathType;
import io.burt.jmespath.node.Node;
import io.burt.jmespath.node.StandardNodeFactory;
import java.util.ArrayList;
import java.util.List;

/// Node factory aligning jmespath-core with the Go implementation Kyverno uses where the corpus
/// depends on it: `[]` drops null elements (Go's flatten is a projection, and projections drop
/// nulls), and a chain stops at null instead of calling a function on it (so
/// `containers[].resources.keys(@)` skips containers without resources rather than failing).
final class KyvernoNodes extends StandardNodeFactory<Object> {

    private final Adapter<Object> runtime;

    KyvernoNodes(Adapter<Object> runtime) {
        super(runtime);
        this.runtime = runtime;
    }

    @Override
    public Node<Object> createSequence(List<Node<Object>> nodes) {
        return new NullSafeSequence(runtime, List.copyOf(nodes));
    }

    @Override
    public Node<Object> createFlattenArray() {
        return new Flatten(runtime);
    }

    private static final class NullSafeSequence extends Node<Object> {
        private final List<Node<Object>> nodes;

        NullSafeSequence(Adapter<Object> runtime, List<Node<Object>> nodes) {
            super(runtime);
            this.nodes = nodes;
        }

        @Override
        public Object search(Object input) {
            Object value = input;
            for (int i = 0; i < nodes.size(); i++) {
                if (i > 0 && value == null) {
                    return null;
                }
                value = nodes.get(i).search(value);
            }
            return value;
        }

        @Override
        protected String internalToString() {
            return nodes.toString();
        }

        @Override
        protected boolean internalEquals(Object o) {
            return o instanceof NullSafeSequence s && s.nodes.equals(nodes);
        }

        @Override
        protected int internalHashCode() {
            return nodes.hashCode();
        }
    }

    private static final class Flatten extends Node<Object> {
        Flatten(Adapter<Object> runtime) {
            super(runtime);
        }

        @Override
        public Object search(Object input) {
            if (runtime.typeOf(input) != JmesPathType.ARRAY) {
                return null;
            }
            var out = new ArrayList<Object>();
            for (Object element : runtime.toList(input)) {
                if (runtime.typeOf(element) == JmesPathType.ARRAY) {
                    for (Object inner : runtime.toList(element)) {
                        if (inner != null) {
                            out.add(inner);
                        }
                    }
                } else if (element != null) {
                    out.add(element);
                }
            }
            return out;
        }

        @Override
        protected boolean internalEquals(Object o) {
            return o instanceof Flatten;
        }

        @Override
        protected int internalHashCode() {
            return 17;
        }
    }
}
