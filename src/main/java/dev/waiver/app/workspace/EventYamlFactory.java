package dev.waiver.app.workspace;

import java.io.CharArrayReader;
import java.io.Reader;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLFactoryBuilder;
import tools.jackson.dataformat.yaml.YAMLParser;

/// A YAMLFactory whose parsers also show the snakeyaml-engine event behind the current token.
///
/// Jackson reports anchors only on maps and lists, and turns an alias into a string token holding
/// the anchor's name. To resolve aliases correctly (scalar anchors included) and bound what they
/// expand to, [TreeReader] needs the anchor of every node, and needs to tell a plain `<<` merge key
/// from a quoted one. Overriding `_createParser` is the extension point Jackson's own
/// `YAMLAnchorReplayingFactory` uses; we only ever create parsers from a Reader or chars.
final class EventYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    EventYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    EventParser eventParser(Reader reader) {
        return (EventParser) createParser(ObjectReadContext.empty(), reader);
    }

    @Override
    protected YAMLParser _createParser(ObjectReadContext ctx, IOContext io, Reader reader) {
        return new EventParser(ctx, io, this, reader);
    }

    @Override
    protected YAMLParser _createParser(ObjectReadContext ctx, IOContext io, char[] data, int offset, int len,
            boolean recyclable) {
        return new EventParser(ctx, io, this, new CharArrayReader(data, offset, len));
    }

    /// A YAMLParser that exposes the anchor and style of the node it stands on.
    static final class EventParser extends YAMLParser {

        private EventParser(ObjectReadContext ctx, IOContext io, EventYamlFactory f, Reader reader) {
            super(ctx, io, f._getBufferRecycler(), ctx.getStreamReadFeatures(f._streamReadFeatures),
                    ctx.getFormatReadFeatures(f._formatReadFeatures), f._loadSettings, reader);
        }

        /// The `&anchor` on the current scalar, map or list; an alias has none of its own.
        Optional<String> anchor() {
            if (_lastEvent instanceof NodeEvent node && !(node instanceof AliasEvent)) {
                return node.getAnchor().map(Anchor::getValue);
            }
            return Optional.empty();
        }

        boolean isPlainScalar() {
            return _lastEvent instanceof ScalarEvent scalar && scalar.isPlain();
        }
    }
}
