package io.mensajero.cli.lab.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: columns as wide as their widest cell, up to a maximum each; longer cells
 * wrap at spaces. The last column takes what is left of the total width.
 */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int[] maxWidths;

    /** {@code maxWidths}: one per column; the last one is ignored (it takes the rest of the width). */
    TextTable(int... maxWidths) {
        this.maxWidths = maxWidths.clone();
    }

    TextTable row(String... cells) {
        if (cells.length != maxWidths.length) {
            throw new IllegalArgumentException("expected " + maxWidths.length + " cells, got " + Arrays.toString(cells));
        }
        rows.add(cells.clone());
        return this;
    }

    /** The table, each line starting with {@code indent}, no line wider than {@code width} when it can wrap. */
    String render(String indent, int width) {
        int columns = maxWidths.length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.min(maxWidths[c], Math.max(widths[c], row[c].length()));
            }
        }
        int used = indent.length();
        for (int c = 0; c < columns - 1; c++) {
            used += widths[c] + 2;
        }
        widths[columns - 1] = Math.max(20, width - used);
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < columns; c++) {
                List<String> lines = wrap(row[c], widths[c]);
                cells.add(lines);
                height = Math.max(height, lines.size());
            }
            for (int line = 0; line < height; line++) {
                StringBuilder text = new StringBuilder(indent);
                for (int c = 0; c < columns; c++) {
                    String part = line < cells.get(c).size() ? cells.get(c).get(line) : "";
                    text.append(part);
                    if (c < columns - 1) {
                        text.append(" ".repeat(widths[c] - part.length() + 2));
                    }
                }
                out.append(text.toString().stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }

    /** Splits text into lines of at most {@code width} characters, at spaces where possible. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
