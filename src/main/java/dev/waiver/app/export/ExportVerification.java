package dev.waiver.app.export;

import dev.waiver.engine.audit.AuditAction;
import dev.waiver.engine.audit.AuditChain;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditHead;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.AuditTime;
import dev.waiver.engine.audit.ChainVerdict;
import dev.waiver.engine.audit.ChainVerdict.Flaw;
import dev.waiver.engine.ports.AuditLogException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/// Checks a JSON export on its own: recomputes its chain and holds it to the head and count the export
/// declares. A file that is not an export at all is an [AuditLogException]; an export whose content was
/// edited gets a verdict naming the first entry that no longer checks out.
public final class ExportVerification {

    private ExportVerification() {
    }

    /// What was read: the declared head and count, the entries up to the first unreadable one, and that one.
    private record Exported(AuditHead head, long count, List<AuditEntry> entries, Optional<ChainVerdict.Altered> unreadable) {
    }

    public static ChainVerdict verify(Path file) {
        Exported exported = read(file);
        ChainVerdict verdict = AuditChain.verify(exported.entries(), Optional.of(exported.head()));
        if (verdict instanceof ChainVerdict.Altered) {
            return verdict;
        }
        // Reading stopped at an unreadable entry: the entries before it check out, so it is the first bad one.
        if (exported.unreadable().isPresent()) {
            return exported.unreadable().get();
        }
        if (!(verdict instanceof ChainVerdict.Intact intact)) {
            return verdict;
        }
        AuditHead head = exported.head();
        if (exported.count() != head.seq()) {
            return new ChainVerdict.Altered(Math.min(exported.count(), head.seq()) + 1, Flaw.HEAD_MISMATCH,
                    "the export's count (" + exported.count() + ") and head (entry " + head.seq() + ") disagree: it was edited");
        }
        if (intact.count() > head.seq()) {
            return new ChainVerdict.Altered(head.seq() + 1, Flaw.HEAD_MISMATCH, "it follows the export's head (entry "
                    + head.seq() + "): it was added after the export was made");
        }
        return verdict;
    }

    private static Exported read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AuditLogException(file + ": no such file");
        }
        try (JsonParser json = JsonExport.MAPPER.createParser(file)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw notAnExport(file, "it is not a JSON object");
            }
            AuditHead head = null;
            Long count = null;
            boolean formatSeen = false;
            var entries = new ArrayList<AuditEntry>();
            Optional<ChainVerdict.Altered> unreadable = Optional.empty();
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                switch (name) {
                    case "format" -> formatSeen = value == JsonToken.VALUE_STRING && json.getString().equals(JsonExport.FORMAT);
                    case "count" -> count = value == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : null;
                    case "head" -> head = head(json.readValueAsTree()).orElseThrow(() -> notAnExport(file, "its head is malformed"));
                    case "entries" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw notAnExport(file, "its entries are not an array");
                        }
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode node = json.readValueAsTree();
                            if (unreadable.isEmpty()) {
                                Optional<AuditEntry> entry = entry(node);
                                if (entry.isPresent()) {
                                    entries.add(entry.get());
                                } else {
                                    unreadable = Optional.of(new ChainVerdict.Altered(entries.size() + 1, Flaw.UNREADABLE,
                                            "a field is missing or malformed"));
                                }
                            }
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            if (!formatSeen) {
                throw notAnExport(file, "it does not say \"format\": \"" + JsonExport.FORMAT + "\"");
            }
            if (head == null || count == null) {
                throw notAnExport(file, "it declares no head or count");
            }
            return new Exported(head, count, entries, unreadable);
        } catch (JacksonException e) {
            throw notAnExport(file, "it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static AuditLogException notAnExport(Path file, String why) {
        return new AuditLogException(file + " is not a Waiver audit export: " + why);
    }

    private static Optional<AuditHead> head(JsonNode node) {
        if (node == null || !node.path("seq").isIntegralNumber() || !node.path("hash").isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AuditHead(node.path("seq").asLong(), node.path("hash").asString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /// An entry from its JSON object; empty when a field is missing, of the wrong type, or malformed.
    private static Optional<AuditEntry> entry(JsonNode node) {
        List<String> names = List.of("time", "actor", "action", "exemptionId", "context", "comment", "before", "after",
                "previousHash", "hash");
        if (!node.path("seq").isIntegralNumber() || names.stream().anyMatch(n -> !node.path(n).isString())) {
            return Optional.empty();
        }
        Optional<Instant> time = AuditTime.parse(node.path("time").asString());
        Optional<AuditAction> action = action(node.path("action").asString());
        if (time.isEmpty() || action.isEmpty()) {
            return Optional.empty();
        }
        var record = new AuditRecord(time.get(), text(node, "actor"), action.get(), text(node, "exemptionId"),
                text(node, "context"), text(node, "comment"), text(node, "before"), text(node, "after"));
        return Optional.of(new AuditEntry(node.path("seq").asLong(), record, text(node, "previousHash"), text(node, "hash")));
    }

    private static String text(JsonNode node, String name) {
        return node.path(name).asString();
    }

    private static Optional<AuditAction> action(String name) {
        try {
            return Optional.of(AuditAction.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
