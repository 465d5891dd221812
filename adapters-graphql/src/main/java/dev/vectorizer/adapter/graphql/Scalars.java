package dev.vectorizer.adapter.graphql;

import dev.vectorizer.domain.json.Json;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The schema's own scalars: {@code JSON} (any JSON value, in the domain codec's form) and {@code Long}. */
final class Scalars {

    private Scalars() {
    }

    /**
     * Payloads and filters. Input, from variables or written in the document, becomes a tree of
     * {@link Json} ({@link Json#canonical}: the same number rule and nesting limit as a REST body),
     * which the domain's readers then check like any other; output is the writers' tree as it is.
     */
    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar().name("JSON")
            .description("Any JSON value").coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object result, GraphQLContext context, Locale locale) {
                    return result;
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    try {
                        return Json.canonical(input);
                    } catch (IllegalArgumentException e) {
                        throw new CoercingParseValueException(e.getMessage(), e);
                    }
                }

                @Override
                public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    try {
                        return Json.canonical(literal(input, variables));
                    } catch (IllegalArgumentException e) {
                        throw new CoercingParseLiteralException(e.getMessage(), e);
                    }
                }
            }).build();

    /** Integers beyond Int's 32 bits: vector counts, sizes in bytes. */
    static final GraphQLScalarType LONG = GraphQLScalarType.newScalar().name("Long")
            .description("A 64-bit integer").coercing(new Coercing<Long, Long>() {
                @Override
                public Long serialize(Object result, GraphQLContext context, Locale locale) {
                    if (result instanceof Long || result instanceof Integer) {
                        return ((Number) result).longValue();
                    }
                    throw new CoercingSerializeException("not a 64-bit integer: " + result);
                }

                @Override
                public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof Long || input instanceof Integer) {
                        return ((Number) input).longValue();
                    }
                    throw new CoercingParseValueException("expected a 64-bit integer, not " + input);
                }

                @Override
                public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof IntValue i && i.getValue().bitLength() < Long.SIZE) {
                        return i.getValue().longValue();
                    }
                    throw new CoercingParseLiteralException("expected a 64-bit integer");
                }
            }).build();

    /** A value written in the document as the JSON value it stands for (numbers still exact: canonical rounds them). */
    private static Object literal(Value<?> value, CoercedVariables variables) {
        return switch (value) {
            case NullValue n -> null;
            case BooleanValue b -> b.isValue();
            case StringValue s -> s.getValue();
            case IntValue i -> i.getValue();
            case FloatValue f -> f.getValue();
            case VariableReference v -> variables.get(v.getName());
            case ArrayValue a -> {
                List<Object> items = new ArrayList<>(a.getValues().size());
                a.getValues().forEach(item -> items.add(literal(item, variables)));
                yield items;
            }
            case ObjectValue o -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (ObjectField field : o.getObjectFields()) {
                    fields.put(field.getName(), literal(field.getValue(), variables));
                }
                yield fields;
            }
            default -> throw new CoercingParseLiteralException("not a JSON value: " + value);
        };
    }
}
