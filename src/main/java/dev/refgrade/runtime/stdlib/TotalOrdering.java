package dev.refgrade.runtime.stdlib;

import dev.refgrade.python.CmpOp;
import dev.refgrade.runtime.eval.PyRuntime;
import dev.refgrade.runtime.memory.Heap;
import dev.refgrade.runtime.memory.StaticObjects;
import dev.refgrade.runtime.objects.Args;
import dev.refgrade.runtime.objects.PyBuiltin;
import dev.refgrade.runtime.objects.PyException;
import dev.refgrade.runtime.objects.PyLibFunction;
import dev.refgrade.runtime.objects.PyObject;
import dev.refgrade.runtime.objects.PyStr;
import dev.refgrade.runtime.objects.PyType;
import dev.refgrade.runtime.objects.Signature;
import dev.refgrade.runtime.objects.Signature.Convention;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * functools.total_ordering as Lib/functools.py (3.11) writes it: the roots are the ordering methods
 * the class has other than object's; the greatest name among them (__lt__ before __le__, __gt__,
 * __ge__) picks three module-level functions (_convert), each renamed to the slot it fills and set
 * on the class unless the class has that one. The functions are the module's own, shared by every
 * class decorated, and call the root through type(self), then == or != where the derivation needs.
 */
final class TotalOrdering {
    private TotalOrdering() {}

    /** How a derived comparison combines the root's result r (the bodies of _gt_from_lt and the rest). */
    private enum Rule {
        NOT_AND_NE("(not a %s b) and (a != b)"), OR_EQ("(a %s b) or (a == b)"), NOT("(not a %s b)"),
        NOT_OR_EQ("(not a %s b) or (a == b)"), AND_NE("(a %s b) and (a != b)");

        final String formula;

        Rule(String formula) {
            this.formula = formula;
        }
    }

    private static final Map<String, String> SYMBOL = Map.of("lt", "<", "le", "<=", "gt", ">", "ge", ">=");
    /** _convert: each root's three derived slots, in the module's order. */
    private static final Map<String, List<PyLibFunction>> CONVERT = new LinkedHashMap<>();

    static {
        derive("lt", List.of("gt", "le", "ge"), List.of(Rule.NOT_AND_NE, Rule.OR_EQ, Rule.NOT));
        derive("le", List.of("ge", "lt", "gt"), List.of(Rule.NOT_OR_EQ, Rule.AND_NE, Rule.NOT));
        derive("gt", List.of("lt", "ge", "le"), List.of(Rule.NOT_AND_NE, Rule.OR_EQ, Rule.NOT));
        derive("ge", List.of("le", "gt", "lt"), List.of(Rule.NOT_OR_EQ, Rule.AND_NE, Rule.NOT));
    }

    private static PyStr str(String s) {
        return StaticObjects.place(new PyStr(s));
    }

    private static void derive(String root, List<String> slots, List<Rule> rules) {
        List<PyLibFunction> fns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String slot = slots.get(i), qualname = "_" + slot + "_from_" + root;
            Rule rule = rules.get(i);
            String doc = "Return a " + SYMBOL.get(slot) + " b.  Computed by @total_ordering from "
                    + rule.formula.formatted(SYMBOL.get(root)) + ".";
            Signature sig = Signature.parse("self, other").as(Convention.PYTHON).named(qualname, qualname);
            PyBuiltin body = StaticObjects.place(new PyBuiltin("functools", qualname, sig,
                    (rt, none, a) -> derived(rt, a, "__" + root + "__", rule, qualname), null));
            // total_ordering sets opfunc.__name__ = opname before its first use, always to the same slot.
            fns.add(StaticObjects.place(new PyLibFunction(body, str("__" + slot + "__"), str(qualname), str("functools"), str(doc))));
        }
        CONVERT.put("__" + root + "__", fns);
    }

    static void install(Registry reg) {
        reg.function("total_ordering", Signature.parse("cls").as(Convention.PYTHON), TotalOrdering::totalOrdering);
    }

    /** A derived comparison: type(self).__root__(self, other), then the rule; NotImplemented passes through. */
    private static PyObject derived(PyRuntime rt, Args a, String root, Rule rule, String qualname) {
        Heap heap = rt.heap;
        PyObject self = a.get("self"), other = a.get("other");
        try {
            PyObject method = rt.ops.getAttr(self.type(), rt.name(root));
            PyObject r;
            try {
                r = rt.ops.call(method, self, other);
            } finally {
                heap.decref(method);
            }
            if (r == PyRuntime.NOT_IMPLEMENTED) return r;
            boolean truth;
            try {
                truth = rt.ops.truthy(r);
            } catch (RuntimeException e) {
                heap.decref(r);
                throw e;
            }
            switch (rule) {
                case NOT -> {
                    heap.decref(r);
                    return PyRuntime.bool(!truth);
                }
                case NOT_AND_NE, NOT_OR_EQ -> heap.decref(r);
                case OR_EQ -> {
                    if (truth) return r;
                    heap.decref(r);
                }
                case AND_NE -> {
                    if (!truth) return r;
                    heap.decref(r);
                }
            }
            if (rule == Rule.NOT_AND_NE && truth) return PyRuntime.FALSE;
            if (rule == Rule.NOT_OR_EQ && !truth) return PyRuntime.TRUE;
            return rt.ops.richCompare(self, other, rule == Rule.OR_EQ || rule == Rule.NOT_OR_EQ ? CmpOp.EQ : CmpOp.NE);
        } catch (PyException e) {
            e.discard(heap);
            throw rt.refusal("an exception raised through functools." + qualname + " (its frame in the traceback is not modelled)");
        }
    }

    /** total_ordering(cls): fills in the missing ordering methods. */
    private static PyObject totalOrdering(PyRuntime rt, Args a) {
        PyObject cls = a.get("cls");
        if (!(cls instanceof PyType t)) throw a.unsupported("total_ordering() of something other than a class");
        List<String> roots = new ArrayList<>();
        for (String op : CONVERT.keySet()) if (isRoot(rt, t, op)) roots.add(op);
        if (roots.isEmpty()) throw rt.error(dev.refgrade.runtime.objects.PyExc.VALUE_ERROR,
                "must define at least one ordering operation: < > <= >=");
        String root = roots.stream().max(String::compareTo).orElseThrow();
        for (PyLibFunction fn : CONVERT.get(root)) {
            if (roots.contains(fn.name.value)) continue;
            rt.ops.setAttr(t, fn.name, fn);
        }
        return rt.heap.newRef(t);
    }

    /** getattr(cls, op, None) is not getattr(object, op, None): found along the MRO before object. */
    private static boolean isRoot(PyRuntime rt, PyType t, String op) {
        PyStr name = new PyStr(op);
        for (PyType s : t.mro) {
            if (s == PyType.OBJECT) return false;
            if (s.own(rt, name) != null || !s.heapType && CPythonNames.has(s, op)) return true;
        }
        return false;
    }
}
