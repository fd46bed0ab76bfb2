package dev.waiver.engine.tree;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// An immutable, compact copy of a plain tree (`Map` with string keys, `List`, `String`, `Boolean`,
/// `Integer`, `Long`, `BigInteger`, `Float`, `Double`, `BigDecimal`, `null`): what the register keeps
/// of every exception it shows, so it can show the object as read and write it back without losing fields.
///
/// A parsed 10k-exception register holds about 3 KB of maps, entries and strings per object; the same
/// object here is one byte array of a few hundred bytes. [#thaw] builds a fresh tree each time (key order
/// kept, every value equal to the original's), which the caller may change freely.
///
/// Encoding: one tag byte per value; strings as their UTF-16 units in the 1–3 byte form of UTF-8 (so
/// every Java string, lone surrogates included, comes back exactly), lengths and integers as varints.
public final class FrozenTree {

    private static final byte NULL = 0;
    private static final byte TRUE = 1;
    private static final byte FALSE = 2;
    private static final byte STRING = 3;
    private static final byte INT = 4;
    private static final byte LONG = 5;
    private static final byte DOUBLE = 6;
    private static final byte BIG_INTEGER = 7;
    private static final byte BIG_DECIMAL = 8;
    private static final byte MAP = 9;
    private static final byte LIST = 10;
    private static final byte FLOAT = 11;

    private final byte[] bytes;

    private FrozenTree(byte[] bytes) {
        this.bytes = bytes;
    }

    /// @throws IllegalArgumentException when the tree holds a map key that is not a string or a value of
    ///         another type than those listed above (no parser of Waiver's produces one)
    public static FrozenTree of(Map<String, Object> tree) {
        var out = new Writer();
        out.value(tree);
        return new FrozenTree(out.toByteArray());
    }

    /// A new mutable tree (`LinkedHashMap`, `ArrayList`, scalars) equal to the one frozen.
    @SuppressWarnings("unchecked")
    public Map<String, Object> thaw() {
        return (Map<String, Object>) new Reader(bytes).value();
    }

    /// The encoded size, for memory accounting.
    public int byteSize() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FrozenTree frozen && Arrays.equals(bytes, frozen.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return thaw().toString();
    }

    private static final class Writer {
        private byte[] buffer = new byte[256];
        private int size;

        void value(Object value) {
            switch (value) {
                case null -> put(NULL);
                case Boolean b -> put(b ? TRUE : FALSE);
                case String s -> {
                    put(STRING);
                    string(s);
                }
                case Integer i -> {
                    put(INT);
                    varint(zigzag(i));
                }
                case Long l -> {
                    put(LONG);
                    varint(zigzag(l));
                }
                case Double d -> {
                    put(DOUBLE);
                    varint(Double.doubleToRawLongBits(d));
                }
                case Float f -> {
                    put(FLOAT);
                    varint(Float.floatToRawIntBits(f) & 0xFFFFFFFFL);
                }
                case BigInteger big -> {
                    put(BIG_INTEGER);
                    string(big.toString());
                }
                case BigDecimal big -> {
                    put(BIG_DECIMAL);
                    string(big.toString());
                }
                case Map<?, ?> map -> {
                    put(MAP);
                    varint(map.size());
                    for (var entry : map.entrySet()) {
                        if (!(entry.getKey() instanceof String key)) {
                            throw new IllegalArgumentException("a map key that is not a string: " + entry.getKey());
                        }
                        string(key);
                        value(entry.getValue());
                    }
                }
                case List<?> list -> {
                    put(LIST);
                    varint(list.size());
                    for (Object item : list) {
                        value(item);
                    }
                }
                default -> throw new IllegalArgumentException("a value a tree cannot hold: " + value.getClass().getName());
            }
        }

        private void string(String s) {
            int length = s.length();
            varint(length);
            ensure(3L * length);
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    buffer[size++] = (byte) c;
                } else if (c < 0x800) {
                    buffer[size++] = (byte) (0xC0 | c >> 6);
                    buffer[size++] = (byte) (0x80 | c & 0x3F);
                } else {
                    buffer[size++] = (byte) (0xE0 | c >> 12);
                    buffer[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buffer[size++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }

        private void varint(long value) {
            ensure(10);
            long v = value;
            while ((v & ~0x7FL) != 0) {
                buffer[size++] = (byte) (v & 0x7F | 0x80);
                v >>>= 7;
            }
            buffer[size++] = (byte) v;
        }

        private static long zigzag(long v) {
            return v << 1 ^ v >> 63;
        }

        private void put(byte b) {
            ensure(1);
            buffer[size++] = b;
        }

        private void ensure(long more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.max(buffer.length * 2L, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        Object value() {
            byte tag = bytes[position++];
            return switch (tag) {
                case NULL -> null;
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case STRING -> string();
                case INT -> (int) unzigzag(varint());
                case LONG -> unzigzag(varint());
                case DOUBLE -> Double.longBitsToDouble(varint());
                case FLOAT -> Float.intBitsToFloat((int) varint());
                case BIG_INTEGER -> new BigInteger(string());
                case BIG_DECIMAL -> new BigDecimal(string());
                case MAP -> {
                    int count = (int) varint();
                    var map = new LinkedHashMap<String, Object>(Math.max(4, (int) (count / 0.75f) + 1));
                    for (int i = 0; i < count; i++) {
                        String key = string();
                        map.put(key, value());
                    }
                    yield map;
                }
                case LIST -> {
                    int count = (int) varint();
                    var list = new ArrayList<Object>(count);
                    for (int i = 0; i < count; i++) {
                        list.add(value());
                    }
                    yield list;
                }
                default -> throw new IllegalStateException("corrupt frozen tree: tag " + tag + " at " + (position - 1));
            };
        }

        private String string() {
            int length = (int) varint();
            var chars = new char[length];
            for (int i = 0; i < length; i++) {
                int b = bytes[position++] & 0xFF;
                if (b < 0x80) {
                    chars[i] = (char) b;
                } else if (b < 0xE0) {
                    chars[i] = (char) ((b & 0x1F) << 6 | bytes[position++] & 0x3F);
                } else {
                    chars[i] = (char) ((b & 0x0F) << 12 | (bytes[position++] & 0x3F) << 6 | bytes[position++] & 0x3F);
                }
            }
            return new String(chars);
        }

        private long varint() {
            long result = 0;
            int shift = 0;
            while (true) {
                byte b = bytes[position++];
                result |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return result;
                }
                shift += 7;
            }
        }

        private static long unzigzag(long v) {
            return v >>> 1 ^ -(v & 1);
        }
    }
}
