package io.mensajero.cli.lab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places a lane's text labels in rows above and below its marks so that no two overlap, however
 * close in time the things they name: a label takes the first row, in its order of preference,
 * where its box is free; a lane that needs more rows grows. Widths are estimated glyph by glyph,
 * on the wide side, and checked against Chromium's layout by the lab's rendering scenario.
 */
public final class Labels {
    /** Height of a row of labels, in pixels. */
    static final int ROW = 13;
    /** Space kept between two labels of a row. */
    private static final double MARGIN = 3;

    /** A row: negative above the marks (-1 is the nearest), positive below (+1 the nearest). */
    record Placed(String text, double x, int row, double width, String cssClass) {
        double right() {
            return x + width;
        }
    }

    private final Map<Integer, List<Placed>> rows = new TreeMap<>();

    /**
     * Estimated width of {@code text} in pixels at {@code fontSize}, bold or not: per glyph, a
     * little more than DejaVu Sans gives it (the page's sans-serif on Linux), so that the
     * estimate errs on the wide side.
     */
    public static double width(String text, double fontSize, boolean bold) {
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            em += advance(cp);
        }
        return em * fontSize * (bold ? 1.12 : 1.0) + 1; // + 1: the browser rounds its boxes to the pixel
    }

    private static double advance(int cp) {
        if (cp >= '0' && cp <= '9') {
            return 0.66;
        }
        return switch (cp) {
            case ' ', '.', ',', '\'', '!', '|' -> 0.34;
            case ':', ';' -> 0.36;
            case '(', ')', '[', ']', '-' -> 0.42;
            case 'i', 'j', 'l' -> 0.30;
            case 'f', 't', 'r' -> 0.44;
            case 'm' -> 0.98;
            case 'w' -> 0.83;
            case 'M', 'W' -> 1.0;
            case 'I' -> 0.32;
            default -> cp < 128 ? (Character.isUpperCase(cp) ? 0.80 : 0.65) : Character.isLetter(cp) ? 0.80 : 1.0;
        };
    }

    /** Puts a label exactly in {@code row} (numbers over their marks); it is not moved. */
    Placed fixed(String text, double x, int row, double width, String cssClass) {
        Placed p = new Placed(text, x, row, width, cssClass);
        rows.computeIfAbsent(row, r -> new ArrayList<>()).add(p);
        return p;
    }

    /**
     * Places a label whose left edge is {@code x} in the first of {@code preferred} rows where it
     * is free, else further out (above or below, as the last preference) until one is.
     */
    Placed place(String text, double x, double width, String cssClass, int... preferred) {
        for (int row : preferred) {
            if (free(row, x, width)) {
                return fixed(text, x, row, width, cssClass);
            }
        }
        int last = preferred.length == 0 ? -1 : preferred[preferred.length - 1];
        int step = last < 0 ? -1 : 1;
        for (int row = last + step; ; row += step) {
            if (free(row, x, width)) {
                return fixed(text, x, row, width, cssClass);
            }
        }
    }

    private boolean free(int row, double x, double width) {
        for (Placed p : rows.getOrDefault(row, List.of())) {
            if (x < p.right() + MARGIN && p.x() < x + width + MARGIN) {
                return false;
            }
        }
        return true;
    }

    /** How many rows above the marks are used (at least 1). */
    int rowsAbove() {
        return Math.max(1, rows.keySet().stream().filter(r -> r < 0).mapToInt(r -> -r).max().orElse(1));
    }

    /** How many rows below the marks are used (at least 1). */
    int rowsBelow() {
        return Math.max(1, rows.keySet().stream().filter(r -> r > 0).mapToInt(r -> r).max().orElse(1));
    }

    List<Placed> all() {
        List<Placed> all = new ArrayList<>();
        rows.values().forEach(all::addAll);
        return all;
    }

    /** The baseline of a row's text, given the lane's middle line. */
    static double baseline(int row, double mid) {
        return row < 0 ? mid - 9 - (-row - 1) * ROW : mid + 18 + (row - 1) * ROW;
    }
}
