package io.mensajero.broker.internal.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TopicTrieTest {
    private final VirtualHost vhost = new VirtualHost("/", new MemoryGauge(Long.MAX_VALUE), new ManualTimers());

    private List<String> matches(TopicTrie trie, String routingKey) {
        List<String> keys = new ArrayList<>();
        trie.match(routingKey, b -> keys.add(b.routingKey()));
        return keys;
    }

    private TopicTrie trieOf(String... keys) {
        TopicTrie trie = new TopicTrie();
        Exchange x = vhost.lookupExchange("amq.topic");
        for (String k : keys) {
            trie.add(new Binding(x, x, k, Map.of()));
        }
        return trie;
    }

    @Test
    void wordsSplitLikeRabbitMq() {
        assertThat(TopicTrie.words("")).isEmpty();
        assertThat(TopicTrie.words("a")).containsExactly("a");
        assertThat(TopicTrie.words("a.")).containsExactly("a", "");
        assertThat(TopicTrie.words(".a")).containsExactly("", "a");
        assertThat(TopicTrie.words("a..b")).containsExactly("a", "", "b");
    }

    @Test
    void starIsExactlyOneWordAndHashAnyNumber() {
        TopicTrie trie = trieOf("*", "#", "a.*", "a.#", "a.#.b", "#.b", "*.*", "");
        assertThat(matches(trie, "")).containsExactlyInAnyOrder("#", "");
        assertThat(matches(trie, "a")).containsExactlyInAnyOrder("*", "#", "a.#");
        assertThat(matches(trie, "a.b")).containsExactlyInAnyOrder("#", "a.*", "a.#", "a.#.b", "#.b", "*.*");
        assertThat(matches(trie, "a.x.y.b")).containsExactlyInAnyOrder("#", "a.#", "a.#.b", "#.b");
        assertThat(matches(trie, "b")).containsExactlyInAnyOrder("*", "#", "#.b");
    }

    @Test
    void eachBindingMatchesOnceEvenWithManyHashes() {
        TopicTrie trie = trieOf("#.#.#", "#.a.#", "#.#.a.#.#");
        assertThat(matches(trie, "a.a.a.a.a")).containsExactlyInAnyOrder("#.#.#", "#.a.#", "#.#.a.#.#");
    }

    @Test
    void removingABindingPrunesItAndLeavesTheOthers() {
        TopicTrie trie = new TopicTrie();
        Exchange x = vhost.lookupExchange("amq.topic");
        Binding ab = new Binding(x, x, "a.b", Map.of());
        Binding star = new Binding(x, x, "a.*", Map.of());
        trie.add(ab);
        trie.add(star);
        trie.remove(ab);
        assertThat(matches(trie, "a.b")).containsExactly("a.*");
        trie.remove(star);
        assertThat(matches(trie, "a.b")).isEmpty();
    }

    /** The trie agrees with a regular-expression reading of the topic rules on random keys. */
    @Test
    void agreesWithARegexModelOnRandomKeys() {
        Random random = new Random(42);
        String[] words = {"a", "b", "c", "", "*", "#"};
        List<String> bindingKeys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            bindingKeys.add(randomKey(random, words, 4));
        }
        TopicTrie trie = trieOf(bindingKeys.toArray(new String[0]));
        String[] routingWords = {"a", "b", "c", ""};
        for (int i = 0; i < 2000; i++) {
            String rk = randomKey(random, routingWords, 5);
            List<String> expected = new ArrayList<>();
            for (String bk : bindingKeys) {
                if (regexMatches(bk, rk)) {
                    expected.add(bk);
                }
            }
            assertThat(matches(trie, rk)).as("routing key '%s'", rk).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static String randomKey(Random random, String[] words, int maxWords) {
        int n = random.nextInt(maxWords + 1);
        if (n == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(words[random.nextInt(words.length)]);
        }
        return sb.toString();
    }

    /** Matches word lists: * one word, # zero or more words. */
    private static boolean regexMatches(String bindingKey, String routingKey) {
        String[] b = TopicTrie.words(bindingKey);
        String[] r = TopicTrie.words(routingKey);
        StringBuilder regex = new StringBuilder("^");
        for (String w : b) {
            switch (w) {
                case "*" -> regex.append("(?:[^/]*/)");
                case "#" -> regex.append("(?:[^/]*/)*");
                default -> regex.append(Pattern.quote(w)).append('/');
            }
        }
        regex.append('$');
        StringBuilder subject = new StringBuilder();
        for (String w : r) {
            subject.append(w).append('/');
        }
        return Pattern.compile(regex.toString()).matcher(subject).matches();
    }
}
