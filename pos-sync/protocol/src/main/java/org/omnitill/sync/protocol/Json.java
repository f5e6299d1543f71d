package org.omnitill.sync.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON configuration of the wire: both ends build their mapper here. */
public final class Json {

    private Json() {
    }

    /**
     * A new mapper for protocol records. Unknown fields are ignored so that a newer peer can add
     * fields within a protocol version; numbers that carry money are never read as floating point.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // a caller asking for a concrete ChangeData record need not send its "kind"
                .disable(MapperFeature.REQUIRE_TYPE_ID_FOR_SUBTYPES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
