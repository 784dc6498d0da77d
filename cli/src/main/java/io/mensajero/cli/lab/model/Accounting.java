package io.mensajero.cli.lab.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was expected against what arrived, as multisets of bodies: which expected bodies never
 * arrived (missing), which arrived more than once (duplicated) and which were never expected
 * (unexpected). Lists keep the order of the inputs.
 */
public record Accounting(List<String> missing, List<String> duplicated, List<String> unexpected) {

    public Accounting {
        missing = List.copyOf(missing);
        duplicated = List.copyOf(duplicated);
        unexpected = List.copyOf(unexpected);
    }

    public static Accounting compare(Collection<String> expected, Collection<String> arrived) {
        Map<String, Integer> left = new LinkedHashMap<>();
        for (String body : expected) {
            left.merge(body, 1, Integer::sum);
        }
        List<String> duplicated = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (String body : arrived) {
            Integer n = left.get(body);
            if (n == null) {
                if (expected.contains(body)) {
                    duplicated.add(body);
                } else {
                    unexpected.add(body);
                }
            } else if (n == 1) {
                left.remove(body);
            } else {
                left.put(body, n - 1);
            }
        }
        List<String> missing = new ArrayList<>();
        left.forEach((body, n) -> {
            for (int i = 0; i < n; i++) {
                missing.add(body);
            }
        });
        return new Accounting(missing, duplicated, unexpected);
    }

    /** Everything expected arrived exactly once, and nothing else. */
    public boolean exact() {
        return missing.isEmpty() && duplicated.isEmpty() && unexpected.isEmpty();
    }
}
