package dev.waiver.app.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonToken;

/// Builds plain Java trees (`LinkedHashMap`, `ArrayList`, `String`, `Boolean`, `Integer`/`Long`/
/// `BigInteger`/`Double`, `null`) from a parser's tokens, one document at a time.
///
/// We build the trees ourselves rather than asking Jackson for a `Map` because Jackson leaves an
/// alias as the anchor's name. Here an alias becomes a deep copy of its anchored node (so no two
/// places in a tree share, and mutate, one object), `<<` merge keys are applied as Kubernetes' YAML
/// library applies them, and every copy counts against [YamlLimits]. Duplicate keys are refused, as
/// `kubectl` refuses them: silently keeping one value could hide what the cluster would reject.
final class TreeReader {

    private final EventYamlFactory.EventParser parser;
    private final YamlLimits limits;
    private final int lineOffset;
    private final Map<String, Object> anchors = new HashMap<>();
    private List<Integer> itemLines = new ArrayList<>();
    private int aliases;
    private long copiedNodes;

    /// @param lineOffset lines of the file before the text this parser reads
    TreeReader(EventYamlFactory.EventParser parser, YamlLimits limits, int lineOffset) {
        this.parser = parser;
        this.limits = limits;
        this.lineOffset = lineOffset;
    }

    /// 1-based line in the file of the current token.
    int line() {
        return (int) parser.currentTokenLocation().getLineNr() + lineOffset;
    }

    /// Reads the document whose first token is current. Anchors do not cross documents.
    ///
    /// @param itemLines receives the start line of each element of a top-level `items` list, so that
    ///                  the items of a `kind: List` can be reported where they are
    Object readDocument(List<Integer> itemLines) {
        this.itemLines = itemLines;
        anchors.clear();
        aliases = 0;
        copiedNodes = 0;
        return readValue(1, false);
    }

    private Object readValue(int depth, boolean isRootItems) {
        Optional<String> anchor = parser.anchor();
        Object value = switch (parser.currentToken()) {
            case START_OBJECT -> readMap(depth);
            case START_ARRAY -> readList(depth, isRootItems);
            case VALUE_STRING -> parser.isCurrentAlias() ? alias(parser.getString(), depth) : parser.getString();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            // `!!binary` and other tagged scalars: keep the text as written
            case VALUE_EMBEDDED_OBJECT -> parser.getString();
            case null, default -> throw new BadDocumentException(line(), "unexpected " + parser.currentToken());
        };
        anchor.ifPresent(name -> anchors.put(name, value));
        return value;
    }

    private Map<String, Object> readMap(int depth) {
        checkDepth(depth);
        var map = new LinkedHashMap<String, Object>();
        var mergeSources = new ArrayList<Map<?, ?>>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            boolean isMerge = key.equals("<<") && parser.isPlainScalar();
            int line = line();
            parser.nextToken();
            Object value = readValue(depth + 1, depth == 1 && key.equals("items"));
            if (isMerge) {
                addMergeSources(value, line, mergeSources);
            } else if (map.containsKey(key)) {
                throw new BadDocumentException(line, "duplicate key '" + key + "'");
            } else {
                map.put(key, value);
            }
        }
        expect(JsonToken.END_OBJECT, token);
        // explicit keys win over merged ones, and earlier merge sources over later ones
        for (Map<?, ?> source : mergeSources) {
            source.forEach((key, value) -> map.putIfAbsent((String) key, value));
        }
        return map;
    }

    private List<Object> readList(int depth, boolean isRootItems) {
        checkDepth(depth);
        var list = new ArrayList<Object>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (isRootItems) {
                itemLines.add(line());
            }
            list.add(readValue(depth + 1, false));
        }
        expect(JsonToken.END_ARRAY, token);
        return list;
    }

    private void addMergeSources(Object value, int line, List<Map<?, ?>> sources) {
        if (value instanceof Map<?, ?> map) {
            sources.add(map);
            return;
        }
        if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            list.forEach(item -> sources.add((Map<?, ?>) item));
            return;
        }
        throw new BadDocumentException(line, "merge key '<<' needs a map or a list of maps");
    }

    private Object alias(String name, int depth) {
        if (++aliases > limits.maxAliasesPerDocument()) {
            throw new BadDocumentException(line(),
                    "more than " + limits.maxAliasesPerDocument() + " aliases in one document");
        }
        if (!anchors.containsKey(name)) {
            throw new BadDocumentException(line(), "alias *" + name + " has no anchor &" + name + " before it");
        }
        return copy(anchors.get(name), depth);
    }

    /// Deep copy of an anchored node, counted node by node so that nested aliases cannot multiply.
    private Object copy(Object value, int depth) {
        if (++copiedNodes > limits.maxAliasNodes()) {
            throw new BadDocumentException(line(),
                    "aliases expand to more than " + limits.maxAliasNodes() + " nodes in one document");
        }
        if (value instanceof Map<?, ?> map) {
            checkDepth(depth);
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((key, item) -> copy.put((String) key, copy(item, depth + 1)));
            return copy;
        }
        if (value instanceof List<?> list) {
            checkDepth(depth);
            var copy = new ArrayList<Object>(list.size());
            list.forEach(item -> copy.add(copy(item, depth + 1)));
            return copy;
        }
        return value; // scalars are immutable
    }

    private void checkDepth(int depth) {
        if (depth > limits.maxDepth()) {
            throw new BadDocumentException(line(), "nested deeper than " + limits.maxDepth() + " levels");
        }
    }

    private void expect(JsonToken expected, JsonToken actual) {
        if (actual != expected) {
            throw new BadDocumentException(line(), "unexpected end of document");
        }
    }
}
