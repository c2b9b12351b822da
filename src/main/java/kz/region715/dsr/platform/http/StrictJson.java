package kz.region715.dsr.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import kz.region715.dsr.platform.text.Text;
import kz.region715.dsr.platform.time.DateBounds;

/**
 * JSON is read strictly, for every body of the API, so that what was validated is exactly what was sent: one value
 * per body, no repeated member names, no coercion between types (a number or a boolean is not text, text is not a
 * number, a number is not a date or an enum), enums exactly as written, dates only as bounded ISO-8601 text, and
 * text without control characters.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // after Quarkus' own modules, so these deserializers win
    }

    @Override
    @SuppressWarnings("deprecation") // MapperFeature is set on a built mapper: Quarkus hands us one
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, false);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum, LogicalType.DateTime}) {
            var coercion = mapper.coercionConfigFor(type);
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.EmptyString,
                    CoercionInputShape.String}) {
                boolean natural = shape == CoercionInputShape.String
                        && (type == LogicalType.Textual || type == LogicalType.Enum || type == LogicalType.DateTime);
                if (!natural) {
                    coercion.setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        SimpleModule strict = new SimpleModule("strict-json");
        strict.addDeserializer(String.class, new StrictText());
        strict.addDeserializer(Instant.class, new StrictDate<>(Instant.class, DateBounds::instant));
        strict.addDeserializer(LocalDate.class, new StrictDate<>(LocalDate.class, DateBounds::date));
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactEnum(type.getRawClass());
            }
        });
        mapper.registerModule(strict);
    }

    /** A value that broke one of the rules above; its message is safe to show (it never quotes the value). */
    public static final class RuleViolation extends MismatchedInputException {
        RuleViolation(JsonParser parser, String message, Class<?> target) {
            super(parser, message, target);
        }
    }

    /** Text only from a JSON string, without control characters. */
    static final class StrictText extends StdScalarDeserializer<String> {
        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            if (Text.hasForbiddenCharacter(text)) {
                throw new RuleViolation(p, Text.FORBIDDEN_CHARACTER, String.class);
            }
            return text;
        }
    }

    /** A date or an instant only from ISO-8601 text within {@link DateBounds}. */
    static final class StrictDate<T> extends StdScalarDeserializer<T> {
        private final Function<String, T> parse;

        StrictDate(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            try {
                return parse.apply(p.getText());
            } catch (IllegalArgumentException e) {
                throw new RuleViolation(p, e.getMessage(), handledType());
            }
        }
    }

    /** An enum constant only from a JSON string that is exactly its name: no numbers, no blanks, no other case. */
    static final class ExactEnum extends StdScalarDeserializer<Object> {
        private final Class<?> type;

        ExactEnum(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            String text = p.getText();
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return constant;
                }
            }
            throw ctxt.weirdStringException("", type, "not one of the values accepted");
        }
    }
}
