package io.mensajero.broker.internal.management;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * RabbitMQ's query parameters for lists: {@code sort} (a field, dotted for nested ones) and
 * {@code sort_reverse}; {@code page}, {@code page_size} (at most 500), {@code name} and
 * {@code use_regex} for a page of the items whose name matches; {@code columns} to keep only some
 * fields. Without {@code page} the whole list comes back, sorted.
 */
final class Listing {
    static final int MAX_PAGE_SIZE = 500;

    private Listing() {
    }

    /** The answer for a list of rendered items, with RabbitMQ's default sort keys. */
    static ApiResponse reply(ApiRequest r, List<Map<String, Object>> items, String... defaultSort) {
        List<Map<String, Object>> sorted = new ArrayList<>(items);
        String sort = r.query("sort");
        List<String> keys = sort == null || sort.isEmpty() ? List.of(defaultSort) : List.of(sort);
        if (!keys.isEmpty()) {
            Comparator<Map<String, Object>> c = null;
            for (String k : keys) {
                Comparator<Map<String, Object>> byKey = (a, b) -> compare(value(a, k), value(b, k));
                c = c == null ? byKey : c.thenComparing(byKey);
            }
            sorted.sort(c);
        }
        if ("true".equals(r.query("sort_reverse"))) {
            java.util.Collections.reverse(sorted);
        }
        List<String> columns = columns(r.query("columns"));
        if (r.query("page") == null) {
            return ApiResponse.ok(select(sorted, columns));
        }
        return ApiResponse.ok(page(r, sorted, columns));
    }

    private static Map<String, Object> page(ApiRequest r, List<Map<String, Object>> sorted, List<String> columns) {
        String pageText = r.query("page");
        String sizeText = r.query("page_size");
        int page = parse(pageText);
        int size = sizeText == null ? 100 : parse(sizeText);
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "invalid_pagination_parameters",
                    "Invalid pagination parameters: page number " + (page < 1 ? pageText : page)
                            + ", page size " + (sizeText == null ? "undefined" : sizeText));
        }
        List<Map<String, Object>> filtered = filter(sorted, r.query("name"), "true".equals(r.query("use_regex")));
        int pageCount = (filtered.size() + size - 1) / size;
        if (page > 1 && page > pageCount) {
            throw new ApiException(HttpResponseStatus.BAD_REQUEST, "page_out_of_range",
                    "Page out of range, page: " + page + " page size: " + size + ", len: " + filtered.size());
        }
        int from = Math.min((page - 1) * size, filtered.size());
        int to = Math.min(from + size, filtered.size());
        List<Map<String, Object>> items = select(filtered.subList(from, to), columns);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filtered_count", filtered.size());
        out.put("item_count", items.size());
        out.put("items", items);
        out.put("page", page);
        out.put("page_count", pageCount);
        out.put("page_size", size);
        out.put("total_count", sorted.size());
        return out;
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Items whose name matches: a case-insensitive substring, or with use_regex a regular
     * expression (an invalid one is 400 "Pagination parameters are invalid").
     */
    private static List<Map<String, Object>> filter(List<Map<String, Object>> items, String name, boolean regex) {
        if (name == null || name.isEmpty() || items.isEmpty()) {
            // As RabbitMQ: an expression is only compiled to match something, so an empty list is
            // an empty page even when the expression is invalid.
            return items;
        }
        Pattern p;
        try {
            p = Pattern.compile(regex ? name : Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw ApiException.badRequest("Pagination parameters are invalid");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Object n = item.get("name");
            if (n != null && p.matcher(n.toString()).find()) {
                out.add(item);
            }
        }
        return out;
    }

    private static List<String> columns(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String c : text.split(",")) {
            if (!c.isBlank()) {
                out.add(c.trim());
            }
        }
        return out;
    }

    /** Keeps only the columns asked for (dotted paths keep nested fields); all when none are. */
    static List<Map<String, Object>> select(List<Map<String, Object>> items, List<String> columns) {
        if (columns.isEmpty()) {
            return items;
        }
        List<Map<String, Object>> out = new ArrayList<>(items.size());
        for (Map<String, Object> item : items) {
            out.add(select(item, columns));
        }
        return out;
    }

    static Map<String, Object> select(Map<String, Object> item, List<String> columns) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String column : columns) {
            copy(item, out, column.split("\\."), 0);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void copy(Map<String, Object> from, Map<String, Object> to, String[] path, int at) {
        String key = path[at];
        if (!from.containsKey(key)) {
            return;
        }
        Object v = from.get(key);
        if (at == path.length - 1) {
            to.put(key, v);
        } else if (v instanceof Map<?, ?> nested) {
            Object existing = to.get(key);
            Map<String, Object> target = existing instanceof Map<?, ?> e ? (Map<String, Object>) e : new LinkedHashMap<>();
            to.put(key, target);
            copy((Map<String, Object>) nested, target, path, at + 1);
        }
    }

    static Object value(Map<String, Object> item, String dotted) {
        Object v = item;
        for (String part : dotted.split("\\.")) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(part);
        }
        return v;
    }

    /** Erlang's term order, roughly: numbers before everything else, then text. */
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Number) {
            return -1;
        }
        if (b instanceof Number) {
            return 1;
        }
        return a.toString().compareTo(b.toString());
    }
}
