package dev.refgrade.runtime.objects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A builtin's parameters, parsed from the text CPython shows as {@code __text_signature__}
 * ({@code "value, start=0, stop=sys.maxsize, /"}), and the C calling convention behind it: CPython's
 * TypeError for a bad call is worded by the convention's argument parser, not by the parameters, so
 * both are declared. {@link #bind} matches a call to the parameters or says what CPython says.
 */
public final class Signature {
    /** The argument parsers of CPython 3.11, each with its own wording of the same mistakes. */
    public enum Convention {
        /** METH_NOARGS: "list.copy() takes no arguments (1 given)". */
        NOARGS,
        /** METH_O: "list.append() takes exactly one argument (0 given)". */
        O,
        /** _PyArg_CheckPositional / PyArg_UnpackTuple: "index expected at least 1 argument, got 0". */
        POSITIONAL,
        /** PyArg_ParseTuple: "startswith() takes at least 1 argument (0 given)". */
        PARSE_TUPLE,
        /** Argument Clinic's _PyArg_UnpackKeywords: "'bas' is an invalid keyword argument for int()". */
        KEYWORDS,
        /** Positional arguments unpacked first, then the keywords parsed alone (sorted, min, max). */
        POSITIONAL_THEN_KEYWORDS,
        /** A function written in Python (Lib/copy.py): "copy() missing 1 required positional argument: 'x'". */
        PYTHON,
        /** A method written in Python, whose self the messages count: "Counter.total() takes 1 positional argument but 2 were given". */
        PYTHON_METHOD
    }

    public enum Kind { POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD, KEYWORD_ONLY, VAR_POSITIONAL, VAR_KEYWORD }

    /** The value a parameter takes when the call leaves it out. */
    public sealed interface Default {
        /** A default CPython's text cannot show ({@code <unrepresentable>}): the code tells absence apart. */
        record Absent() implements Default {}

        record NoneValue() implements Default {}

        record Bool(boolean value) implements Default {}

        record Int(long value) implements Default {}

        record Str(String value) implements Default {}

        /** {@code ()}: the empty tuple. */
        record EmptyTuple() implements Default {}
    }

    public record Param(String name, Kind kind, Default dflt) {
        public boolean required() {
            return dflt == null && kind != Kind.VAR_POSITIONAL && kind != Kind.VAR_KEYWORD;
        }

        boolean positional() {
            return kind == Kind.POSITIONAL_ONLY || kind == Kind.POSITIONAL_OR_KEYWORD;
        }
    }

    /** A call that does not fit: the message is CPython's TypeError. */
    public static final class Mismatch extends RuntimeException {
        public Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    /** The text it was declared with; its parameters are parsed from it at the first call that needs them. */
    private final String text;
    private final Lazy parsed;
    /** The argument parser, when declared rather than the one the text implies. */
    private final Convention declared;
    /** The qualified name some parsers print ("list.index"); the plain one others print ("index"). */
    public final String qualname;
    public final String name;
    /** The name the keyword parser prints when it is another function's (sorted's keywords go to list.sort). */
    final String keywordName;

    /**
     * The parameters and what binding reads of them. Parsed at first use, not at declaration: every
     * builtin's signature is declared when the runtime starts, and parsing them all was a sixth of a
     * cold `run`'s own CPU (issue 21). Shared by the renamed copies of one declaration.
     */
    private record Shape(List<Param> params, Convention convention, int positional, int requiredPositional, boolean varPositional,
            boolean varKeyword) {}

    /** Set once; a thread that sees null parses again and gets an equal Shape (a record of final fields). */
    private static final class Lazy {
        Shape shape;
    }

    private Signature(String text, Lazy parsed, Convention declared, String qualname, String name, String keywordName) {
        this.text = text;
        this.parsed = parsed;
        this.declared = declared;
        this.qualname = qualname;
        this.name = name;
        this.keywordName = keywordName;
    }

    private Shape shape() {
        Shape s = parsed.shape;
        if (s == null) parsed.shape = s = shapeOf(text);
        return s;
    }

    public List<Param> params() {
        return shape().params;
    }

    public Convention convention() {
        return declared != null ? declared : shape().convention;
    }

    private int positional() {
        return shape().positional;
    }

    private int requiredPositional() {
        return shape().requiredPositional;
    }

    private boolean varPositional() {
        return shape().varPositional;
    }

    private boolean varKeyword() {
        return shape().varKeyword;
    }

    /** CPython's text signature (without the leading {@code $self} or {@code $module}), parsed when first needed. */
    public static Signature parse(String text) {
        return new Signature(text, new Lazy(), null, null, null, null);
    }

    private static Shape shapeOf(String text) {
        List<Param> params = new ArrayList<>();
        boolean keywordOnly = false;
        for (String raw : split(text)) {
            String p = raw.strip();
            if (p.isEmpty()) continue;
            if (p.equals("/")) {
                params.replaceAll(q -> q.kind == Kind.POSITIONAL_OR_KEYWORD ? new Param(q.name, Kind.POSITIONAL_ONLY, q.dflt) : q);
            } else if (p.equals("*")) {
                keywordOnly = true;
            } else if (p.startsWith("**")) {
                params.add(new Param(p.substring(2), Kind.VAR_KEYWORD, null));
            } else if (p.startsWith("*")) {
                params.add(new Param(p.substring(1), Kind.VAR_POSITIONAL, null));
                keywordOnly = true;
            } else {
                int eq = p.indexOf('=');
                String name = eq < 0 ? p : p.substring(0, eq).strip();
                Default d = eq < 0 ? null : parseDefault(p.substring(eq + 1).strip());
                params.add(new Param(name, keywordOnly ? Kind.KEYWORD_ONLY : Kind.POSITIONAL_OR_KEYWORD, d));
            }
        }
        boolean noKeywords = true, varPositional = false, varKeyword = false;
        int positional = 0, requiredPositional = 0;
        for (Param q : params) {
            noKeywords &= q.kind != Kind.POSITIONAL_OR_KEYWORD && q.kind != Kind.KEYWORD_ONLY;
            if (q.positional()) positional++;
            if (q.positional() && q.required()) requiredPositional++;
            varPositional |= q.kind == Kind.VAR_POSITIONAL;
            varKeyword |= q.kind == Kind.VAR_KEYWORD;
        }
        // The convention Argument Clinic would choose: none with no parameters, METH_O for one
        // positional-only parameter without a default, positional for positional-only ones, keywords otherwise.
        Convention c;
        if (params.isEmpty()) c = Convention.NOARGS;
        else if (noKeywords) {
            c = params.size() == 1 && params.get(0).required() && params.get(0).kind == Kind.POSITIONAL_ONLY ? Convention.O : Convention.POSITIONAL;
        } else c = Convention.KEYWORDS;
        return new Shape(List.copyOf(params), c, positional, requiredPositional, varPositional, varKeyword);
    }

    /** The same parameters under another argument parser. */
    public Signature as(Convention c) {
        return new Signature(text, parsed, c, qualname, name, keywordName);
    }

    /** Names it for the messages, unless it was named already. */
    public Signature named(String qualname, String name) {
        return new Signature(text, parsed, declared, this.qualname != null ? this.qualname : qualname,
                this.name != null ? this.name : name, keywordName);
    }

    /** Named for the messages as {@code qualname}, whatever it was named before (a classmethod bound to a subclass). */
    public Signature requalified(String qualname) {
        return new Signature(text, parsed, declared, qualname, name, keywordName);
    }

    /** Its keyword errors name another function, as sorted's name list.sort. */
    public Signature keywordsOf(String keywordName) {
        return new Signature(text, parsed, declared, qualname, name, keywordName);
    }

    public int indexOf(String param) {
        for (int i = 0; i < params().size(); i++) if (params().get(i).name.equals(param)) return i;
        throw new IllegalArgumentException("no parameter '" + param + "' in " + qualname + "()");
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '\\') cur.append(text.charAt(++i));
                else if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static Default parseDefault(String v) {
        return switch (v) {
            case "None" -> new Default.NoneValue();
            case "True" -> new Default.Bool(true);
            case "False" -> new Default.Bool(false);
            case "()" -> new Default.EmptyTuple();
            // []: a def's mutable default (deepcopy's private _nil); the code tells absence apart as for <unrepresentable>.
            case "<unrepresentable>", "[]" -> new Default.Absent();
            // sys.maxsize: PY_SSIZE_T_MAX on a 64-bit build, the "no limit" of index() and friends.
            case "sys.maxsize" -> new Default.Int(Long.MAX_VALUE);
            default -> {
                if (isInteger(v)) yield new Default.Int(Long.parseLong(v));
                if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"')) yield new Default.Str(unescape(v.substring(1, v.length() - 1)));
                // A bytes default (fillchar=b' ', delete=b''): the builtin supplies it when the argument is left out.
                if (v.startsWith("b'")) yield new Default.Absent();
                throw new IllegalArgumentException("a default the registry cannot read: " + v);
            }
        };
    }

    /** Whether v is -?[0-9]+ (a regular expression would be compiled at each of start-up's calls). */
    private static boolean isInteger(String v) {
        int start = v.startsWith("-") ? 1 : 0;
        if (v.length() == start) return false;
        for (int i = start; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return false;
        return true;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            b.append(switch (n) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> n;
            });
        }
        return b.toString();
    }

    // ---- binding -------------------------------------------------------------------------------

    /**
     * Matches a call's arguments to the parameters: one slot per parameter (null where left out),
     * then the extra positional arguments and the extra keywords. Throws CPython's message on a mismatch.
     */
    public Bound bind(PyObject[] args, Kwargs kw) {
        int n = args.length, nk = kw.names().size();
        switch (convention()) {
            case NOARGS -> {
                if (nk > 0) throw noKeywords();
                if (n > 0) throw new Mismatch(qualname + "() takes no arguments (" + n + " given)");
            }
            case O -> {
                if (nk > 0) throw noKeywords();
                if (n != 1) throw new Mismatch(qualname + "() takes exactly one argument (" + n + " given)");
            }
            case POSITIONAL -> {
                if (nk > 0 && !varKeyword()) throw noKeywords();
                checkPositional(n);
            }
            case PARSE_TUPLE -> {
                if (nk > 0 && !varKeyword()) throw noKeywords();
                int max = varPositional() ? Integer.MAX_VALUE : positional();
                if (n < requiredPositional() || n > max) {
                    String bound = requiredPositional() == max ? "exactly" : n < requiredPositional() ? "at least" : "at most";
                    int count = n < requiredPositional() ? requiredPositional() : max;
                    throw new Mismatch(name + "() takes " + bound + " " + count + " argument" + plural(count) + " (" + n + " given)");
                }
            }
            case KEYWORDS -> unpackKeywords(n, kw, name);
            case POSITIONAL_THEN_KEYWORDS -> {
                checkPositional(n);
                unpackKeywords(0, kw, keywordName != null ? keywordName : name);
            }
            case PYTHON, PYTHON_METHOD -> checkPython(n, kw);
        }
        return place(args, kw);
    }

    private Mismatch noKeywords() {
        return new Mismatch(qualname + "() takes no keyword arguments");
    }

    /** _PyArg_CheckPositional's wording. */
    private void checkPositional(int n) {
        int max = varPositional() ? Integer.MAX_VALUE : positional();
        if (n >= requiredPositional() && n <= max) return;
        String bound = requiredPositional() == max ? "" : n < requiredPositional() ? "at least " : "at most ";
        int count = n < requiredPositional() ? requiredPositional() : max;
        throw new Mismatch(name + " expected " + bound + count + " argument" + plural(count) + ", got " + n);
    }

    /** _PyArg_UnpackKeywords (Python/getargs.c, 3.11), its checks in its order; {@code n} positional arguments. */
    private void unpackKeywords(int n, Kwargs kw, String fname) {
        int nk = kw.names().size();
        // Split: the positional arguments were unpacked already, and the keywords are parsed alone (n is 0).
        boolean split = convention() == Convention.POSITIONAL_THEN_KEYWORDS;
        // One loop, not three streams: this runs on every call with keywords, mostly before the JIT has compiled it.
        int named = 0, posonly = 0, requiredPosonly = 0;
        for (Param p : params()) {
            if (keywordCapable(p)) named++;
            if (p.kind == Kind.POSITIONAL_ONLY) {
                posonly++;
                if (p.required()) requiredPosonly++;
            }
        }
        int maxpos = split ? 0 : positional();
        int maxargs = (split ? 0 : posonly) + named;
        int minposonly = split ? 0 : requiredPosonly;
        if ((split || !varPositional()) && !varKeyword() && n + nk > maxargs) {
            throw new Mismatch(fname + "() takes at most " + maxargs + " " + (n == 0 ? "keyword " : "") + "argument"
                    + plural(maxargs) + " (" + (n + nk) + " given)");
        }
        if (!split && !varPositional() && n > maxpos) {
            if (maxpos == 0) throw new Mismatch(fname + "() takes no positional arguments");
            throw new Mismatch(fname + "() takes " + (requiredPositional() < maxpos ? "at most" : "exactly") + " " + maxpos
                    + " positional argument" + plural(maxpos) + " (" + n + " given)");
        }
        if (n < minposonly) {
            throw new Mismatch(fname + "() takes " + (minposonly < maxpos ? "at least" : "exactly") + " " + minposonly
                    + " positional argument" + plural(minposonly) + " (" + n + " given)");
        }
        // Each keyword-capable parameter not filled by position must come by keyword, or be optional.
        int left = nk;
        for (int i = 0; i < params().size(); i++) {
            Param p = params().get(i);
            if (!keywordCapable(p) || !split && p.kind == Kind.POSITIONAL_OR_KEYWORD && i < n) continue;
            if (kw.get(p.name) != null) left--;
            else if (p.required()) throw new Mismatch(fname + "() missing required argument '" + p.name + "' (pos " + (i + 1) + ")");
        }
        if (left > 0 && !varKeyword()) {
            for (int i = 0; i < Math.min(n, params().size()) && !split; i++) {
                Param p = params().get(i);
                if (p.kind == Kind.POSITIONAL_OR_KEYWORD && kw.get(p.name) != null) {
                    throw new Mismatch("argument for " + fname + "() given by name ('" + p.name + "') and position (" + (i + 1) + ")");
                }
            }
            for (PyStr k : kw.names()) {
                if (params().stream().noneMatch(p -> keywordCapable(p) && p.name.equals(k.value))) {
                    throw new Mismatch("'" + k.value + "' is an invalid keyword argument for " + fname + "()");
                }
            }
        }
    }

    private static boolean keywordCapable(Param p) {
        return p.kind == Kind.POSITIONAL_OR_KEYWORD || p.kind == Kind.KEYWORD_ONLY;
    }

    /** ceval.c's wording for a function written in Python (by its qualified name, as 3.10 on); a def's order of checks. */
    private void checkPython(int n, Kwargs kw) {
        if (!varPositional() && n > positional()) {
            int self = convention() == Convention.PYTHON_METHOD ? 1 : 0;
            int max = positional() + self, min = requiredPositional() + self, given = n + self;
            String takes = max == min ? String.valueOf(max) : "from " + min + " to " + max;
            throw new Mismatch(qualname + "() takes " + takes + " positional argument" + plural(max) + " but " + given
                    + (given == 1 ? " was" : " were") + " given");
        }
        for (PyStr k : kw.names()) {
            int at = -1;
            for (int i = 0; i < params().size(); i++) if (params().get(i).name.equals(k.value) && params().get(i).kind != Kind.POSITIONAL_ONLY) at = i;
            if (at < 0 && !varKeyword()) throw new Mismatch(qualname + "() got an unexpected keyword argument '" + k.value + "'");
            if (at >= 0 && at < n) throw new Mismatch(qualname + "() got multiple values for argument '" + k.value + "'");
        }
        List<String> missing = new ArrayList<>();
        for (int i = n; i < params().size(); i++) {
            Param p = params().get(i);
            if (p.positional() && p.required() && kw.get(p.name) == null) missing.add("'" + p.name + "'");
        }
        if (!missing.isEmpty()) {
            String names = missing.size() == 1 ? missing.get(0)
                    : String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.get(missing.size() - 1);
            throw new Mismatch(qualname + "() missing " + missing.size() + " required positional argument" + plural(missing.size()) + ": " + names);
        }
    }

    /** Puts each argument in its parameter's slot; the checks above have ruled out every conflict. */
    private Bound place(PyObject[] args, Kwargs kw) {
        // The common call: positional arguments only, each to the parameter at its place.
        if (kw.isEmpty() && !varPositional() && !varKeyword()) return new Bound(Arrays.copyOf(args, params().size()), NO_ARGS, Kwargs.NONE);
        PyObject[] slots = new PyObject[params().size()];
        int next = 0;
        List<PyObject> rest = new ArrayList<>();
        for (PyObject a : args) {
            while (next < params().size() && !params().get(next).positional()) {
                if (params().get(next).kind == Kind.VAR_POSITIONAL) break;
                next++;
            }
            if (next < params().size() && params().get(next).positional()) slots[next++] = a;
            else rest.add(a);
        }
        List<PyStr> extraNames = new ArrayList<>();
        List<PyObject> extraValues = new ArrayList<>();
        for (int k = 0; k < kw.names().size(); k++) {
            String key = kw.names().get(k).value;
            int at = -1;
            for (int i = 0; i < params().size(); i++) {
                Param p = params().get(i);
                if (p.name.equals(key) && p.kind != Kind.POSITIONAL_ONLY && p.kind != Kind.VAR_POSITIONAL && p.kind != Kind.VAR_KEYWORD) at = i;
            }
            if (at >= 0) slots[at] = kw.values().get(k);
            else {
                extraNames.add(kw.names().get(k));
                extraValues.add(kw.values().get(k));
            }
        }
        return new Bound(slots, rest.toArray(new PyObject[0]), new Kwargs(extraNames, extraValues));
    }

    private static final PyObject[] NO_ARGS = new PyObject[0];

    /** A call matched to the parameters: borrowed arguments, null in the slot of one left out. */
    public record Bound(PyObject[] slots, PyObject[] rest, Kwargs extra) {}

    static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
