package dev.vectorizer.bench.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A mutable JSON tree that may hold what JSON forbids: duplicate keys, and {@link Raw} tokens written
 * verbatim ({@code NaN}, a number with 5,000 digits, a lone surrogate escape). Objects keep their
 * order. Values are {@link Obj}, {@code List<Object>} (arrays), {@link String}, {@link Number},
 * {@link Boolean}, {@link #NULL} or {@link Raw}.
 */
final class JsonTree {

    /** JSON {@code null}. */
    static final Raw NULL = new Raw("null");

    /** Text written as it is. */
    record Raw(String text) {
    }

    /** One member of an object; the key may repeat within its object. */
    static final class Member {
        String key;
        Object value;

        Member(String key, Object value) {
            this.key = key;
            this.value = value;
        }
    }

    /** An object: its members in order. */
    record Obj(List<Member> members) {
    }

    /** A place in a tree that holds a value: a member of an object or an element of an array. */
    record Slot(Object container, int index, String key) {

        Object get() {
            return container instanceof Obj o ? o.members().get(index).value : ((List<?>) container).get(index);
        }

        @SuppressWarnings("unchecked")
        void set(Object value) {
            if (container instanceof Obj o) {
                o.members().get(index).value = value;
            } else {
                ((List<Object>) container).set(index, value);
            }
        }
    }

    private JsonTree() {
    }

    /** An object of alternating keys and values. */
    static Obj obj(Object... keysAndValues) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            members.add(new Member((String) keysAndValues[i], keysAndValues[i + 1]));
        }
        return new Obj(members);
    }

    static List<Object> arr(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** Every slot of the tree under {@code root}, depth first. */
    static List<Slot> slots(Object root) {
        List<Slot> slots = new ArrayList<>();
        visit(root, slots::add);
        return slots;
    }

    /** Every object of the tree under {@code root}, itself included. */
    static List<Obj> objects(Object root) {
        List<Obj> objects = new ArrayList<>();
        if (root instanceof Obj o) {
            objects.add(o);
        }
        visit(root, slot -> {
            if (slot.get() instanceof Obj o) {
                objects.add(o);
            }
        });
        return objects;
    }

    private static void visit(Object node, Consumer<Slot> each) {
        if (node instanceof Obj o) {
            for (int i = 0; i < o.members().size(); i++) {
                each.accept(new Slot(o, i, o.members().get(i).key));
                visit(o.members().get(i).value, each);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                each.accept(new Slot(list, i, null));
                visit(list.get(i), each);
            }
        }
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case Raw raw -> out.append(raw.text());
            case String s -> string(s, out);
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Obj o -> {
                out.append('{');
                for (int i = 0; i < o.members().size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    string(o.members().get(i).key, out);
                    out.append(':');
                    write(o.members().get(i).value, out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(list.get(i), out);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The tree of a JSON text (numbers kept as written). */
    static Object parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return of(reader.readValue());
        }
    }

    private static Object of(JsonValue value) {
        return switch (value) {
            case JsonObject o -> new Obj(new ArrayList<>(o.entrySet().stream().map(e -> new Member(e.getKey(), of(e.getValue()))).toList()));
            case JsonArray a -> new ArrayList<>(a.stream().map(JsonTree::of).toList());
            case JsonString s -> s.getString();
            default -> new Raw(value.toString()); // numbers, true, false, null
        };
    }

    /** A deep copy, so that a template can be mutated without changing it. */
    static Object copy(Object value) {
        return switch (value) {
            case Obj o -> new Obj(new ArrayList<>(o.members().stream().map(m -> new Member(m.key, copy(m.value))).toList()));
            case List<?> list -> new ArrayList<>(list.stream().map(JsonTree::copy).toList());
            default -> value;
        };
    }
}
