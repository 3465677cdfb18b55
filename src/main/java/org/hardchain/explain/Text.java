package org.hardchain.explain;

import java.util.Locale;

/** A line buffer for walkthroughs: {@code printf} with {@link Locale#ROOT}, lines end with a newline. */
final class Text {
    private final StringBuilder sb = new StringBuilder();

    Text line(String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
        return this;
    }

    Text line() {
        sb.append('\n');
        return this;
    }

    static String bits(boolean[] v) {
        StringBuilder b = new StringBuilder(v.length);
        for (boolean x : v) {
            b.append(x ? '1' : '0');
        }
        return b.toString();
    }

    static String ints(int[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : " ").append(v[i]);
        }
        return b.append(']').toString();
    }

    /** A double with 6 significant digits, locale-free, trailing zeros dropped (0.5, 100, 1.2e-05). */
    static String num(double x) {
        String s = String.format(Locale.ROOT, "%.6g", x);
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e);
        String exp = e < 0 ? "" : s.substring(e);
        if (mant.indexOf('.') >= 0) {
            mant = mant.replaceAll("0+$", "");
            if (mant.endsWith(".")) {
                mant = mant.substring(0, mant.length() - 1);
            }
        }
        return mant + exp;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
