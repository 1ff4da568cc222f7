package io.medvie.extractor.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medvie.model.decode.ExtractedField;
import io.medvie.schemas.json.DocumentSchemas;

/** An extraction result as the JSON the extract command prints. */
public final class ResultJson {

    private ResultJson() {}

    public static ObjectNode of(ObjectMapper mapper, String file, Extraction.Result r) {
        ObjectNode root = mapper.createObjectNode();
        if (file != null) {
            root.put("file", file);
        }
        root.put("model_version", r.modelVersion());
        root.put("doc_type", DocumentSchemas.LAB_REPORT);
        root.put("schema_version", DocumentSchemas.LAB_REPORT_VERSION);
        root.put("pages", r.pages().size());
        root.put("valid", r.decoded().valid());
        ArrayNode violations = root.putArray("violations");
        r.decoded().violations().forEach(violations::add);
        root.set("document", r.decoded().document());
        ArrayNode fields = root.putArray("fields");
        for (ExtractedField f : r.decoded().fields()) {
            ObjectNode n = fields.addObject();
            n.put("path", f.path());
            n.put("value", f.value());
            n.put("confidence", Math.round(f.confidence() * 10000) / 10000.0);
            n.put("page", f.page());
            ArrayNode box = n.putArray("box");
            for (double v : f.box()) {
                box.add(Math.round(v));
            }
            if (f.derived()) {
                n.put("derived", true);
            }
        }
        ObjectNode t = root.putObject("timings_ms");
        t.put("read", r.timings().readMillis());
        t.put("model", r.timings().modelMillis());
        t.put("decode", r.timings().decodeMillis());
        t.put("total", r.timings().totalMillis());
        return root;
    }
}
