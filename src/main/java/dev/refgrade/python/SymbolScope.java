package dev.refgrade.python;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One block of the symbol table (CPython's PySTEntryObject): what a module, class or function body
 * does with each name, which names it lends to nested functions (cells) and takes from enclosing
 * ones (free), and whether it is a generator. Built by {@link Symtable}; read by the compiler.
 */
public final class SymbolScope {
    public enum Kind { MODULE, CLASS, FUNCTION }

    /** Where a name lives at run time, as compile.c's compiler_nameop decides its opcode. */
    public enum Binding { LOCAL, CELL, FREE, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, NAME }

    static final int PARAM = 1, LOCAL = 2, USE = 4, GLOBAL = 8, NONLOCAL = 16, IMPORT = 32, ANNOT = 64, ITER = 128;

    public final Kind kind;
    public final String name;
    /** The class whose private names are mangled here (compile.c's u_private): a class body's own, else the enclosing one's. */
    public final String privateName;
    final SymbolScope parent;
    final boolean comprehension;
    /** Flags per name, in the order names first appear, as symtable's dict keeps them. */
    final Map<String, Integer> names = new LinkedHashMap<>();
    /** The first global or nonlocal statement naming each name: where CPython reports it. */
    final Map<String, Stmt> directives = new LinkedHashMap<>();
    final List<SymbolScope> children = new ArrayList<>();
    private final Map<Object, SymbolScope> byNode = new IdentityHashMap<>();
    private final Set<String> cells = new LinkedHashSet<>();
    private final Set<String> frees = new LinkedHashSet<>();
    boolean generator;
    boolean coroutine;

    SymbolScope(SymbolScope parent, Kind kind, String name, boolean comprehension, Object node) {
        this.parent = parent;
        this.kind = kind;
        this.name = name;
        this.comprehension = comprehension;
        this.privateName = kind == Kind.CLASS ? name : parent == null ? null : parent.privateName;
        if (parent != null) {
            parent.children.add(this);
            parent.byNode.put(node, this);
        }
    }

    /**
     * _Py_Mangle: in a class C (and in the functions inside it), a name __x that does not end in
     * two underscores is spelled _C__x, the class's leading underscores dropped; a class named only
     * with underscores mangles nothing. Mangling a mangled name changes nothing.
     */
    public static String mangle(String privateName, String id) {
        if (privateName == null || !id.startsWith("__") || id.endsWith("__") || id.indexOf('.') >= 0) return id;
        int i = 0;
        while (i < privateName.length() && privateName.charAt(i) == '_') i++;
        return i == privateName.length() ? id : "_" + privateName.substring(i) + id;
    }

    /** {@code id} as this block's code spells it. */
    public String mangle(String id) {
        return mangle(privateName, id);
    }

    int flags(String id) {
        return names.getOrDefault(mangle(id), 0);
    }

    void add(String id, int flag) {
        names.merge(mangle(id), flag, (a, b) -> a | b);
    }

    private boolean has(String id, int flag) {
        return (flags(id) & flag) != 0;
    }

    /** Bound here: a parameter, or a local not declared global or nonlocal. */
    private boolean binds(String id) {
        return has(id, PARAM) || has(id, LOCAL | IMPORT) && !has(id, GLOBAL | NONLOCAL);
    }

    /** The scope of a def, lambda, class or comprehension node directly inside this one. */
    public SymbolScope child(Object node) {
        return byNode.get(node);
    }

    /** Names kept in cells because a nested function uses them, in the order first needed. */
    public Set<String> cells() {
        return Collections.unmodifiableSet(cells);
    }

    /**
     * PEP 709 (3.12): whether {@code id} is a cell here only because list, set or dict
     * comprehensions use it. Once they are inlined into this code it stays a plain local, unless a
     * function, lambda, class or generator expression (inside such a comprehension or not) takes it.
     */
    public boolean cellOnlyForInlinedComprehensions(String id) {
        id = mangle(id);
        return cells.contains(id) && !takenByNestedScope(this, id);
    }

    private static boolean takenByNestedScope(SymbolScope s, String id) {
        for (SymbolScope c : s.children) {
            if (!c.frees.contains(id)) continue;
            if (!c.inlinedComprehension() || takenByNestedScope(c, id)) return true;
        }
        return false;
    }

    /** A list, set or dict comprehension, which 3.12 inlines (PEP 709); a generator expression is not one. */
    public boolean inlinedComprehension() {
        return comprehension && !name.equals("<genexpr>");
    }

    /** Names taken from an enclosing function, in the order first needed. */
    public Set<String> frees() {
        return Collections.unmodifiableSet(frees);
    }

    /** A function whose body (not a nested one's) holds yield or yield from. */
    public boolean isGenerator() {
        return generator;
    }

    /** An async function, or a comprehension holding await. */
    public boolean isCoroutine() {
        return coroutine;
    }

    public Binding binding(String id) {
        if (kind == Kind.MODULE) return Binding.NAME;
        id = mangle(id);
        if (has(id, GLOBAL)) return Binding.GLOBAL_EXPLICIT;
        if (kind == Kind.CLASS) return frees.contains(id) && !binds(id) ? Binding.FREE : Binding.NAME;
        if (cells.contains(id)) return Binding.CELL;
        if (frees.contains(id)) return Binding.FREE;
        if (binds(id)) return Binding.LOCAL;
        return Binding.GLOBAL_IMPLICIT;
    }

    /** symtable.c's analyze pass: innermost scopes first, each free name found in an enclosing function. */
    void resolve() {
        for (SymbolScope c : children) c.resolve();
        for (var entry : names.entrySet()) {
            String id = entry.getKey();
            int f = entry.getValue();
            if (kind == Kind.FUNCTION && (f & NONLOCAL) != 0) requireFromEnclosing(id);
            else if (kind == Kind.FUNCTION && (f & USE) != 0 && !binds(id) && (f & (GLOBAL | NONLOCAL)) == 0) requireFromEnclosing(id);
            else if (kind == Kind.CLASS && (f & USE) != 0 && (f & GLOBAL) == 0) requireFromEnclosing(id);
        }
    }

    /** Makes id free here if an enclosing function binds it, marking it a cell there and free in between. */
    private void requireFromEnclosing(String id) {
        for (SymbolScope s = parent; s != null && s.kind != Kind.MODULE; s = s.parent) {
            if (s.kind == Kind.CLASS && id.equals("__class__")) {
                // analyze_block binds __class__ for a class's children; drop_class_free turns the
                // class's use into its implicit cell (ste_needs_class_closure).
                s.cells.add(id);
                for (SymbolScope mid = parent; mid != s; mid = mid.parent) mid.frees.add(id);
                frees.add(id);
                return;
            }
            if (s.kind == Kind.CLASS) continue;
            boolean bound = s.binds(id) || s.has(id, NONLOCAL);
            if (bound && !s.has(id, GLOBAL)) {
                if (s.has(id, NONLOCAL)) s.frees.add(id);
                else s.cells.add(id);
                // A class body in between passes the cell on too (DEF_FREE_CLASS): its code's closure carries it.
                for (SymbolScope mid = parent; mid != s; mid = mid.parent) mid.frees.add(id);
                frees.add(id);
                return;
            }
            if (s.has(id, GLOBAL)) break;
            if (s.frees.contains(id)) {
                frees.add(id);
                return;
            }
        }
    }
}
