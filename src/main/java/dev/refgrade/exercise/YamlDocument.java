package dev.refgrade.exercise;

import dev.refgrade.exercise.Problems.Pos;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One YAML document read as a node tree, which keeps every node's line and column, so the files
 * built on it (exercises, rubrics) can blame a problem on the exact place it is written.
 */
public final class YamlDocument {
    private YamlDocument() {}

    /**
     * Trees of texts loaded by an earlier process (the key cache), whose loaders read only each node's
     * kind, value, scalar style and start: a cold `grade` spent 10-15 ms of its 150 in SnakeYAML,
     * reading an exercise and a rubric it had read before.
     */
    public interface Trees {
        /** The tree {@code text} parsed to, or null when it is not kept. */
        default Node recalled(String text) {
            return null;
        }

        /** Told that {@code root} is the tree of {@code text}, which loaded: an exercise or rubric without problems. */
        default void treeOf(String text, Node root) {}
    }

    /**
     * The tree of a text, or null after reporting why it is not one YAML document; {@code what} names
     * the kind of file ("an exercise") and {@code needs} what an empty one lacks. The tree {@code trees}
     * recalls for the text, if it keeps one (null for none).
     */
    public static Node parse(String text, Problems problems, String what, String needs, Trees trees) {
        Node kept = trees == null ? null : trees.recalled(text);
        return kept != null ? kept : composed(text, problems, what, needs);
    }

    private static Node composed(String text, Problems problems, String what, String needs) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // Mapping reports duplicates with both positions
        try {
            // The composer alone, as Yaml.composeAll drives it: a Yaml object also makes a
            // Constructor, whose TypeDescription starts java.util.logging (a sixth of a cold `check`).
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
            Node root = null;
            while (composer.checkNode()) {
                Node doc = composer.getNode();
                if (root != null) {
                    problems.at(Mapping.pos(doc), what + " file holds one YAML document; remove the '---' and what follows");
                    return null;
                }
                root = doc;
            }
            if (root == null) problems.at(new Pos(1, 1), "the file is empty; " + needs);
            return root;
        } catch (MarkedYAMLException e) {
            Pos pos = e.getProblemMark() != null ? Pos.of(e.getProblemMark()) : new Pos(1, 1);
            problems.at(pos, "this is not valid YAML: " + e.getProblem());
            return null;
        } catch (org.yaml.snakeyaml.reader.ReaderException e) {
            problems.at(at(text, e.getPosition()), String.format("the file holds a character YAML does not allow (U+%04X); remove it", e.getCodePoint()));
            return null;
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            problems.at(new Pos(1, 1), "this is not valid YAML: " + e.getMessage());
            return null;
        }
    }

    /** The line and column of a character offset. */
    static Pos at(String text, int offset) {
        int line = 1, col = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Pos(line, col);
    }
}
