package org.hardchain.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hardchain.attention.Matrix;

/**
 * NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0), so that Python users exchange
 * inputs and outputs with {@code numpy.load}/{@code numpy.save} directly.
 *
 * <p>Supported: little-endian {@code float64} ({@code '<f8'}) and {@code float32}
 * ({@code '<f4'}) arrays in C order, of any number of dimensions (0-D, 1-D, 2-D, ...).
 * Everything else (big-endian, {@code fortran_order: True}, other dtypes, a bad magic string,
 * a malformed header dictionary, a data size that does not match the shape, truncated data)
 * is rejected with an {@link InputFormatException} naming the file and the problem. Being a
 * binary format, locations are given as byte offsets in the message, with line 0.
 *
 * <p>Format: the magic {@code \x93NUMPY}, major and minor version bytes, the header length
 * (2 bytes for 1.0, 4 bytes for 2.0/3.0, little-endian), then a Python dict literal
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }} padded with spaces and
 * a newline, then the raw data. See numpy.lib.format.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Largest header accepted (NumPy itself refuses headers above 10000 bytes by default). */
    private static final int MAX_HEADER = 1 << 20;

    private Npy() {
    }

    /**
     * A dense array read from or written to a {@code .npy} file: its shape and its entries in
     * C (row-major) order, widened to double. This class is immutable.
     */
    public static final class NdArray {
        private final long[] shape;
        private final double[] data;
        private final boolean float32;

        private NdArray(long[] shape, double[] data, boolean float32) {
            this.shape = shape;
            this.data = data;
            this.float32 = float32;
        }

        /**
         * An array with the given shape and entries (copied).
         *
         * @throws IllegalArgumentException if a dimension is negative or the product of the
         *         shape differs from {@code data.length}
         */
        public static NdArray of(long[] shape, double[] data, boolean float32) {
            long size = checkedSize(shape);
            if (size != data.length) {
                throw new IllegalArgumentException("Dimension mismatch: shape " + shapeString(shape) + " has "
                        + size + " entries, got " + data.length + " values");
            }
            return new NdArray(shape.clone(), data.clone(), float32);
        }

        /** The shape, one entry per dimension (empty for a 0-D array). */
        public long[] shape() {
            return shape.clone();
        }

        /** Number of dimensions. */
        public int ndim() {
            return shape.length;
        }

        /** A copy of the entries in C order. */
        public double[] data() {
            return data.clone();
        }

        /** Whether the file holds (or will hold) {@code float32} rather than {@code float64}. */
        public boolean float32() {
            return float32;
        }

        @Override
        public String toString() {
            return "npy array " + shapeString(shape) + (float32 ? " <f4" : " <f8");
        }
    }

    /** Reads a 2-D float64/float32 array as a matrix. Other dimensions are rejected. */
    public static Matrix readMatrix(Path file) throws IOException {
        NdArray a = read(file);
        if (a.ndim() != 2) {
            throw new InputFormatException(file.toString(), 0, "expected a 2-D array, got shape "
                    + shapeString(a.shape) + " (" + a.ndim() + "-D)");
        }
        if (a.shape[0] > Integer.MAX_VALUE || a.shape[1] > Integer.MAX_VALUE) {
            throw new InputFormatException(file.toString(), 0, "shape " + shapeString(a.shape) + " too large");
        }
        return Matrix.of((int) a.shape[0], (int) a.shape[1], a.data);
    }

    /** Writes {@code m} as a 2-D array, float64 or (rounding each entry) float32, atomically. */
    public static void writeMatrix(Path file, Matrix m, boolean float32) throws IOException {
        write(file, new NdArray(new long[] {m.rows(), m.cols()}, m.toArray(), float32));
    }

    /** Reads any float64/float32 little-endian C-order array. */
    public static NdArray read(Path file) throws IOException {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] pre = in.readNBytes(8);
            if (pre.length < 8 || !Arrays.equals(Arrays.copyOf(pre, 6), MAGIC)) {
                throw new InputFormatException(name, 0, "not a NumPy .npy file: expected the magic string"
                        + " \\x93NUMPY at byte 0");
            }
            int major = pre[6] & 0xff;
            int minor = pre[7] & 0xff;
            if (major < 1 || major > 3 || minor != 0) {
                throw new InputFormatException(name, 0, "unsupported .npy format version " + major + "." + minor
                        + " (expected 1.0, 2.0 or 3.0)");
            }
            int lenBytes = major == 1 ? 2 : 4;
            byte[] lb = in.readNBytes(lenBytes);
            if (lb.length < lenBytes) {
                throw new InputFormatException(name, 0, "truncated .npy header: file ends at byte "
                        + (8 + lb.length) + " inside the header length");
            }
            long headerLen = ByteBuffer.wrap(lb).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffffL;
            if (major > 1) {
                headerLen = ByteBuffer.wrap(lb).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
            }
            if (headerLen > MAX_HEADER) {
                throw new InputFormatException(name, 0, "header length " + headerLen + " bytes is implausible"
                        + " (limit " + MAX_HEADER + ")");
            }
            byte[] hb = in.readNBytes((int) headerLen);
            if (hb.length < headerLen) {
                throw new InputFormatException(name, 0, "truncated .npy header: expected " + headerLen
                        + " header bytes, file has " + hb.length);
            }
            String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            long dataStart = 8 + lenBytes + headerLen;
            Header h = parseHeader(name, header, 8 + lenBytes);
            long size = h.size;
            int item = h.float32 ? 4 : 8;
            long fileSize = Files.size(file);
            long expected = dataStart + size * item;
            if (size > Integer.MAX_VALUE - 8) {
                throw new InputFormatException(name, 0, "shape " + shapeString(h.shape) + " has " + size
                        + " entries, more than one array can hold");
            }
            if (fileSize < expected) {
                throw new InputFormatException(name, 0, "truncated data: shape " + shapeString(h.shape) + " of "
                        + h.descr + " needs " + size * item + " bytes after the header, file has "
                        + (fileSize - dataStart));
            }
            if (fileSize > expected) {
                throw new InputFormatException(name, 0, "size mismatch: shape " + shapeString(h.shape) + " of "
                        + h.descr + " needs " + size * item + " bytes after the header, file has "
                        + (fileSize - dataStart) + " (trailing data)");
            }
            double[] data = new double[(int) size];
            byte[] chunk = new byte[1 << 16];
            float[] floats = new float[chunk.length / 4];
            int done = 0;
            while (done < size) {
                int want = (int) Math.min(chunk.length / item, size - done);
                int got = in.readNBytes(chunk, 0, want * item);
                if (got < want * item) {
                    throw new InputFormatException(name, 0, "truncated data at entry " + (done + got / item));
                }
                ByteBuffer bb = ByteBuffer.wrap(chunk, 0, got).order(ByteOrder.LITTLE_ENDIAN);
                if (h.float32) {
                    bb.asFloatBuffer().get(floats, 0, want);
                    for (int t = 0; t < want; t++) {
                        data[done + t] = floats[t];
                    }
                } else {
                    bb.asDoubleBuffer().get(data, done, want);
                }
                done += want;
            }
            return new NdArray(h.shape, data, h.float32);
        }
    }

    /** Writes {@code a} atomically in format version 1.0 (2.0 if the header would not fit). */
    public static void write(Path file, NdArray a) throws IOException {
        String dict = "{'descr': '" + (a.float32 ? "<f4" : "<f8") + "', 'fortran_order': False, 'shape': "
                + shapeString(a.shape) + ", }";
        int major = dict.length() + 1 + 10 > 65535 ? 2 : 1;
        int pre = major == 1 ? 10 : 12;
        int total = pre + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        byte[] hb = header.getBytes(StandardCharsets.ISO_8859_1);
        AtomicFiles.write(file, out -> {
            ByteBuffer p = ByteBuffer.allocate(pre).order(ByteOrder.LITTLE_ENDIAN);
            p.put(MAGIC).put((byte) major).put((byte) 0);
            if (major == 1) {
                p.putShort((short) hb.length);
            } else {
                p.putInt(hb.length);
            }
            out.write(p.array());
            out.write(hb);
            int item = a.float32 ? 4 : 8;
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (double x : a.data) {
                if (buf.remaining() < item) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                if (a.float32) {
                    buf.putFloat((float) x);
                } else {
                    buf.putDouble(x);
                }
            }
            out.write(buf.array(), 0, buf.position());
        });
    }

    /** NumPy's rendering of a shape: {@code ()}, {@code (5,)}, {@code (3, 4)}. */
    public static String shapeString(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    private static long checkedSize(long[] shape) {
        long size = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + shapeString(shape));
            }
            size = Math.multiplyExact(size, s);
        }
        return size;
    }

    private record Header(String descr, boolean float32, long[] shape, long size) {
    }

    /** Parses the header dict; {@code offset} is its byte offset in the file, for messages. */
    private static Header parseHeader(String name, String header, int offset) {
        Map<String, Object> dict;
        try {
            Parser p = new Parser(header);
            Object v = p.value();
            p.skipSpace();
            if (!p.atEnd()) {
                throw p.error("unexpected text after the header dict");
            }
            if (!(v instanceof Map<?, ?>)) {
                throw p.error("the header must be a dict");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) v;
            dict = m;
        } catch (ParseError e) {
            throw new InputFormatException(name, 0, "malformed .npy header at byte " + (offset + e.pos) + ": "
                    + e.getMessage() + " in " + quote(header.strip()));
        }
        if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
            throw new InputFormatException(name, 0, "malformed .npy header: expected exactly the keys 'descr',"
                    + " 'fortran_order', 'shape', got " + dict.keySet());
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new InputFormatException(name, 0, "malformed .npy header: 'descr' must be a string, got "
                    + dict.get("descr"));
        }
        boolean float32;
        switch (descr) {
            case "<f8" -> float32 = false;
            case "<f4" -> float32 = true;
            case ">f8", ">f4" -> throw new InputFormatException(name, 0, "big-endian dtype '" + descr
                    + "' is not supported: save little-endian float64 ('<f8') or float32 ('<f4'),"
                    + " e.g. a.astype('<f8')");
            default -> throw new InputFormatException(name, 0, "unsupported dtype '" + descr
                    + "': expected little-endian float64 ('<f8') or float32 ('<f4')");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new InputFormatException(name, 0, "malformed .npy header: 'fortran_order' must be True or"
                    + " False, got " + dict.get("fortran_order"));
        }
        if (fortran) {
            throw new InputFormatException(name, 0, "fortran_order True is not supported: save a C-order"
                    + " array, e.g. numpy.ascontiguousarray(a)");
        }
        if (!(dict.get("shape") instanceof List<?> dims)) {
            throw new InputFormatException(name, 0, "malformed .npy header: 'shape' must be a tuple of"
                    + " integers, got " + dict.get("shape"));
        }
        long[] shape = new long[dims.size()];
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long s) || s < 0) {
                throw new InputFormatException(name, 0, "malformed .npy header: shape entry " + i
                        + " must be a non-negative integer, got " + dims.get(i));
            }
            shape[i] = s;
            try {
                size = Math.multiplyExact(size, s);
            } catch (ArithmeticException e) {
                throw new InputFormatException(name, 0, "shape " + dims + " overflows");
            }
        }
        return new Header(descr, float32, shape, size);
    }

    private static String quote(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    private static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int pos;

        ParseError(String msg, int pos) {
            super(msg, null, false, false);
            this.pos = pos;
        }
    }

    /**
     * A parser for the subset of Python literals NumPy writes in headers: dicts with string
     * keys, strings, True/False, integers and tuples of them.
     */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        ParseError error(String msg) {
            return new ParseError(msg, i);
        }

        boolean atEnd() {
            return i >= s.length();
        }

        void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        Object value() {
            skipSpace();
            if (atEnd()) {
                throw error("unexpected end of header");
            }
            char c = s.charAt(i);
            if (c == '{') {
                return dict();
            }
            if (c == '(' || c == '[') {
                return tuple(c == '(' ? ')' : ']');
            }
            if (c == '\'' || c == '"') {
                return string();
            }
            if (s.startsWith("True", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (Character.isDigit(c) || c == '-') {
                int start = i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i < s.length() && s.charAt(i) == 'L') {
                    i++; // Python 2 long suffix, written by old NumPy versions
                    return parseLong(s.substring(start, i - 1), start);
                }
                return parseLong(s.substring(start, i), start);
            }
            throw error("unexpected character '" + c + "'");
        }

        private Long parseLong(String t, int at) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new ParseError("bad integer '" + t + "'", at);
            }
        }

        private String string() {
            char q = s.charAt(i++);
            int start = i;
            while (i < s.length() && s.charAt(i) != q) {
                if (s.charAt(i) == '\\') {
                    throw error("escapes in strings are not supported");
                }
                i++;
            }
            if (atEnd()) {
                throw new ParseError("unterminated string", start - 1);
            }
            return s.substring(start, i++);
        }

        private Map<String, Object> dict() {
            i++;
            Map<String, Object> m = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (atEnd()) {
                    throw error("unterminated dict (missing '}')");
                }
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                Object k = value();
                if (!(k instanceof String key)) {
                    throw error("dict keys must be strings");
                }
                skipSpace();
                if (atEnd() || s.charAt(i) != ':') {
                    throw error("expected ':' after key '" + key + "'");
                }
                i++;
                Object v = value();
                if (m.put(key, v) != null) {
                    throw error("duplicate key '" + key + "'");
                }
                skipSpace();
                if (!atEnd() && s.charAt(i) == ',') {
                    i++;
                } else if (atEnd() || s.charAt(i) != '}') {
                    throw error("expected ',' or '}' in dict");
                }
            }
        }

        private List<Object> tuple(char close) {
            i++;
            List<Object> l = new ArrayList<>();
            while (true) {
                skipSpace();
                if (atEnd()) {
                    throw error("unterminated tuple (missing '" + close + "')");
                }
                if (s.charAt(i) == close) {
                    i++;
                    return l;
                }
                l.add(value());
                skipSpace();
                if (!atEnd() && s.charAt(i) == ',') {
                    i++;
                } else if (atEnd() || s.charAt(i) != close) {
                    throw error("expected ',' or '" + close + "' in tuple");
                }
            }
        }
    }
}
