package dev.refgrade.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown (CommonMark) of exercise intros and prompts as a tree the page builds element by element:
 * a text is a JSON string, an element {"tag", "children"} (a link also "href"). Sanitised by
 * construction: only the tags below come out, raw HTML is kept as the text it is, a link only with an
 * http, https or mailto address, an image as its description. Nothing is ever parsed as HTML in the page.
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();

    private Markdown() {}

    /** The text's blocks (paragraphs, lists, code, quotes, headings as h4). */
    public static List<Object> blocks(String text) {
        return text == null ? null : children(PARSER.parse(text));
    }

    /** One paragraph's content without the paragraph around it, for a prompt that is one line; else the blocks. */
    public static List<Object> inline(String text) {
        if (text == null) return null;
        Node doc = PARSER.parse(text);
        return doc.getFirstChild() instanceof Paragraph p && p.getNext() == null ? children(p) : children(doc);
    }

    private static List<Object> children(Node parent) {
        List<Object> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Object x = node(n);
            if (x instanceof String s && !out.isEmpty() && out.get(out.size() - 1) instanceof String prev) out.set(out.size() - 1, prev + s);
            else if (x != null) out.add(x);
        }
        return out;
    }

    private static Object node(Node n) {
        return switch (n) {
            case Text t -> t.getLiteral();
            case SoftLineBreak b -> " ";
            case HardLineBreak b -> element("br", List.of());
            case Code c -> element("code", List.of(c.getLiteral()));
            case Emphasis e -> element("em", children(e));
            case StrongEmphasis s -> element("strong", children(s));
            case Paragraph p -> element("p", children(p));
            case BulletList l -> element("ul", children(l));
            case OrderedList l -> element("ol", children(l));
            case ListItem i -> element("li", children(i));
            case BlockQuote q -> element("blockquote", children(q));
            case Heading h -> element("h4", children(h));
            case ThematicBreak t -> element("hr", List.of());
            case FencedCodeBlock c -> element("pre", List.of(element("code", List.of(c.getLiteral()))), c.getInfo());
            case IndentedCodeBlock c -> element("pre", List.of(element("code", List.of(c.getLiteral()))));
            case Image i -> String.join("", children(i).stream().map(String::valueOf).toList());
            case Link l -> safe(l.getDestination()) ? link(l) : element("span", children(l));
            // Raw HTML: its source as plain text, never markup.
            case HtmlInline h -> h.getLiteral();
            case HtmlBlock h -> element("p", List.of(h.getLiteral()));
            default -> element("span", children(n));
        };
    }

    private static boolean safe(String href) {
        String h = href.strip().toLowerCase();
        return h.startsWith("https://") || h.startsWith("http://") || h.startsWith("mailto:");
    }

    private static Map<String, Object> link(Link l) {
        Map<String, Object> m = element("a", children(l));
        m.put("href", l.getDestination());
        return m;
    }

    private static Map<String, Object> element(String tag, List<Object> children) {
        return element(tag, children, null);
    }

    /** A code block keeps its language (```python) so the page can highlight it. */
    private static Map<String, Object> element(String tag, List<Object> children, String language) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", tag);
        m.put("children", children);
        if (language != null && !language.isBlank()) m.put("language", language.strip());
        return m;
    }
}
