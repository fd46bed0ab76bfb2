package dev.waiver.app.export;

import dev.waiver.engine.audit.AuditChain;
import dev.waiver.engine.audit.AuditEntry;
import dev.waiver.engine.audit.AuditRecord;
import dev.waiver.engine.audit.AuditTime;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// The log as one JSON document that can be verified on its own: every field the chain's hashes cover,
/// the head and count the export declares, and a description of the encoding, so an auditor can recompute
/// the chain without Waiver. Written as a stream, so a large log is never held twice in memory.
///
/// ```
/// { "format": "waiver-audit-export", "formatVersion": 1, "generatedAt": "…",
///   "count": N, "head": {"seq": N, "hash": "…"},
///   "chain": {"algorithm": "SHA-256", "encoding": "waiver-audit-1", "genesis": "000…", "description": "…"},
///   "entries": [{"seq", "time", "actor", "action", "exemptionId", "context", "comment", "before", "after",
///                "previousHash", "hash"}, …],
///   "sections": {"register": …} }
/// ```
final class JsonExport {

    static final String FORMAT = "waiver-audit-export";
    static final int FORMAT_VERSION = 1;
    /// Leaves the caller's writer open: closing it is the caller's business (it may be the terminal).
    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private static final String DESCRIPTION = "hash = lower-case hex SHA-256 over 11 fields, each written as a"
            + " 4-byte big-endian byte count followed by its UTF-8 bytes: \"waiver-audit-1\", seq (decimal), time"
            + " (as given here: RFC 3339 UTC with nine fraction digits), actor, action, exemptionId, context, comment,"
            + " before, after, previousHash. Entry 1's previousHash is the genesis value; entry n's is entry n-1's hash.";

    private JsonExport() {
    }

    static void write(AuditExport export, Writer out) throws java.io.IOException {
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("format", FORMAT);
            json.writeNumberProperty("formatVersion", FORMAT_VERSION);
            json.writeStringProperty("generatedAt", AuditTime.format(export.generatedAt()));
            json.writeNumberProperty("count", export.count());
            json.writeName("head");
            json.writeStartObject();
            json.writeNumberProperty("seq", export.head().seq());
            json.writeStringProperty("hash", export.head().hash());
            json.writeEndObject();
            json.writeName("chain");
            json.writeStartObject();
            json.writeStringProperty("algorithm", "SHA-256");
            json.writeStringProperty("encoding", AuditChain.ENCODING);
            json.writeStringProperty("genesis", AuditChain.GENESIS_HASH);
            json.writeStringProperty("description", DESCRIPTION);
            json.writeEndObject();
            json.writeName("entries");
            json.writeStartArray();
            for (AuditEntry e : export.entries()) {
                entry(json, e);
            }
            json.writeEndArray();
            json.writeName("sections");
            json.writeStartObject();
            for (ExportSection section : export.sections()) {
                json.writePOJOProperty(section.key(), section.json());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write('\n');
    }

    /// Entries alone, as a JSON array of the same objects an export holds (for `waiver audit log -o json`).
    static void writeEntries(java.util.List<AuditEntry> entries, Writer out) {
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartArray();
            for (AuditEntry e : entries) {
                entry(json, e);
            }
            json.writeEndArray();
        }
    }

    private static void entry(JsonGenerator json, AuditEntry e) {
        AuditRecord r = e.record();
        json.writeStartObject();
        json.writeNumberProperty("seq", e.seq());
        json.writeStringProperty("time", AuditTime.format(r.time()));
        json.writeStringProperty("actor", r.actor());
        json.writeStringProperty("action", r.action().name());
        json.writeStringProperty("exemptionId", r.exemptionId());
        json.writeStringProperty("context", r.context());
        json.writeStringProperty("comment", r.comment());
        json.writeStringProperty("before", r.before());
        json.writeStringProperty("after", r.after());
        json.writeStringProperty("previousHash", e.previousHash());
        json.writeStringProperty("hash", e.hash());
        json.writeEndObject();
    }
}
