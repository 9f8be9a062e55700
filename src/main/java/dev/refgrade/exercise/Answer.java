package dev.refgrade.exercise;

import dev.refgrade.runtime.HeapGraph;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The true answer to one question, one kind per answer kind of the format. */
public sealed interface Answer {
    /** The value as `check --json` gives it: numbers, booleans, strings, sorted lists, a heap graph. */
    Object json();

    /** The value as a person reads it in `check`'s listing. */
    String show();

    record IntAnswer(BigInteger value) implements Answer {
        public Object json() {
            return value;
        }

        public String show() {
            return value.toString();
        }
    }

    record BoolAnswer(boolean value) implements Answer {
        public Object json() {
            return value;
        }

        public String show() {
            return value ? "True" : "False";
        }
    }

    /** A str's value, or the repr of any other value. */
    record TextAnswer(String value) implements Answer {
        public Object json() {
            return value;
        }

        public String show() {
            return Quote.of(value);
        }
    }

    /** The 0-based indices of the true choices, ascending. */
    record ChoiceAnswer(List<Integer> correct) implements Answer {
        public Object json() {
            return correct;
        }

        public String show() {
            return correct.toString();
        }
    }

    record OutputAnswer(String text) implements Answer {
        public Object json() {
            return text;
        }

        public String show() {
            return Quote.of(text);
        }
    }

    /** Line numbers, ascending. */
    record LinesAnswer(List<Integer> lines) implements Answer {
        public Object json() {
            return lines;
        }

        public String show() {
            return lines.toString();
        }
    }

    record HeapAnswer(HeapGraph graph) implements Answer {
        public Object json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("names", graph.names());
            m.put("objects", graph.objects().stream().map(o -> {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("id", o.id());
                node.put("type", o.type());
                node.put("value", o.value());
                if (o.refcount() != null) node.put("refcount", o.refcount());
                node.put("refs", o.refs().stream().map(r -> {
                    Map<String, Object> ref = new LinkedHashMap<>();
                    ref.put("label", r.label());
                    ref.put("to", r.to());
                    return ref;
                }).toList());
                return node;
            }).toList());
            if (graph.truncated()) m.put("truncated", true);
            return m;
        }

        public String show() {
            StringBuilder b = new StringBuilder();
            graph.names().forEach((n, id) -> b.append(b.isEmpty() ? "" : ", ").append(n).append(" -> #").append(id));
            for (HeapGraph.Node o : graph.objects()) {
                b.append("; #").append(o.id()).append(' ').append(o.type());
                if (o.value() != null) b.append(' ').append(o.value());
                for (HeapGraph.Ref r : o.refs()) b.append(' ').append(r.label()).append("->#").append(r.to());
            }
            return b.toString();
        }
    }

    /** Python-style quoting for display, with control characters escaped. */
    final class Quote {
        private Quote() {}

        static String of(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '\n' -> b.append("\\n");
                    case '\t' -> b.append("\\t");
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    default -> b.append(c);
                }
            }
            return b.append('"').toString();
        }
    }
}
