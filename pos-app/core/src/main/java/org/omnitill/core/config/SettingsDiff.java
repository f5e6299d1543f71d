package org.omnitill.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Which settings differ between two versions, field by field, as they are saved (JSON). */
public final class SettingsDiff {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private SettingsDiff() {
    }

    /** Field name to {@code {before, after}} (JSON text), for every top-level field that changed. */
    public static Map<String, Object> between(TillSettings before, TillSettings after) {
        JsonNode a = MAPPER.valueToTree(before);
        JsonNode b = MAPPER.valueToTree(after);
        Map<String, Object> diff = new TreeMap<>();
        Iterator<String> names = b.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode was = a.get(name);
            JsonNode now = b.get(name);
            if (was == null ? now != null && !now.isNull() : !was.equals(now)) {
                diff.put(name, Map.of("before", was == null ? "null" : was.toString(), "after", now == null ? "null" : now.toString()));
            }
        }
        return diff;
    }
}
