package io.mensajero.broker.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A trie of topic binding keys, one edge per word, so that matching a routing key costs about
 * the number of its words, not the number of bindings. {@code *} edges match one word and
 * {@code #} edges any number of words, zero included. Words are split on dots as RabbitMQ does:
 * the empty key has no words, and {@code "a."} has two, {@code a} and the empty word.
 */
final class TopicTrie {
    private static final String STAR = "*";
    private static final String HASH = "#";

    private final Node root = new Node(null, null);
    private int nextNodeId;

    private final class Node {
        final int id = nextNodeId++;
        final Node parent;
        final String word;
        final Map<String, Node> children = new HashMap<>(4);
        final List<Binding> bindings = new ArrayList<>(1);

        Node(Node parent, String word) {
            this.parent = parent;
            this.word = word;
        }
    }

    static String[] words(String key) {
        return key.isEmpty() ? new String[0] : key.split("\\.", -1);
    }

    void add(Binding binding) {
        Node node = root;
        for (String w : words(binding.routingKey())) {
            Node parent = node;
            node = node.children.computeIfAbsent(w, k -> new Node(parent, k));
        }
        node.bindings.add(binding);
    }

    void remove(Binding binding) {
        Node node = root;
        for (String w : words(binding.routingKey())) {
            node = node.children.get(w);
            if (node == null) {
                return;
            }
        }
        node.bindings.remove(binding);
        while (node.parent != null && node.bindings.isEmpty() && node.children.isEmpty()) {
            node.parent.children.remove(node.word);
            node = node.parent;
        }
    }

    /** Passes each binding whose key matches the routing key to the sink, at most once. */
    void match(String routingKey, Consumer<Binding> sink) {
        new Matcher(words(routingKey), sink).match(root, 0);
    }

    private static final class Matcher {
        final String[] words;
        final Consumer<Binding> sink;
        Set<Long> visited;

        Matcher(String[] words, Consumer<Binding> sink) {
            this.words = words;
            this.sink = sink;
        }

        void match(Node node, int i) {
            Node hash = node.children.get(HASH);
            if (hash != null) {
                for (int j = i; j <= words.length; j++) {
                    if (firstVisit(hash, j)) {
                        match(hash, j);
                    }
                }
            }
            if (i == words.length) {
                node.bindings.forEach(sink);
                return;
            }
            Node exact = node.children.get(words[i]);
            if (exact != null && !STAR.equals(words[i]) && !HASH.equals(words[i])) {
                match(exact, i + 1);
            }
            Node star = node.children.get(STAR);
            if (star != null) {
                match(star, i + 1);
            }
        }

        /** A # node reached at the same word twice would match the same bindings twice. */
        private boolean firstVisit(Node node, int i) {
            if (visited == null) {
                visited = new HashSet<>();
            }
            return visited.add(((long) node.id << 32) | i);
        }
    }
}
